namespace StudioApi.Benchmarks;

/// <summary>
/// Benchmarks against the real app on a temporary SQLite file built with the real migrations:
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --calendar
/// Each benchmark has its own file and switch. (A namespaced class rather than top-level statements: the API's own
/// top-level Program is what WebApplicationFactory boots.)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--calendar"))
        {
            await CalendarBenchmark.RunAsync();
            return 0;
        }

        Console.WriteLine("Pick a benchmark: --calendar (a month's master calendar over 10,000 sessions).");
        return 1;
    }
}
