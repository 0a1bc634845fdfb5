namespace StudioApi.Benchmarks;

/// <summary>
/// Benchmarks against the real app on a temporary SQLite file built with the real migrations; run them by hand in
/// Release (they are not part of the tests or CI), one switch each:
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --status [clients runs]   bulk status advance
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --availability            online-booking availability, bulk scheduling
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --calendar                a month's master calendar
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --images                  preview + thumbnail of 24 MP JPEGs: ours, NetVips, Magick.NET, SkiaSharp
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --import                  import of a session of camera-sized JPEGs through the API
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --seed-large [--dir path] [--clients n --sessions n --images n]
///                                                                                            a large studio's SQLite file (see LargeStudio)
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --lists [--dir path] [--seconds s] [--only group]
///                                                                                            every list, sort, filter and search over HTTP on that file
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --roster [students] [--in-request | --background]
///                                                                                            OneRoster bulk import, the same again, a delta of 100
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --yearbook [students]     a PSPA yearbook package (640 × 800) of that many students
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --invoices [invoices runs] a 200-line invoice; the invoices list and AR aging over 100,000 invoices
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --messaging [sessions emails]  date-trigger sweep over 10,000 sessions; outbox throughput to a local SMTP server
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --production              100 ordered images cut and sized as a production order, against their plain render
/// (A namespaced class rather than top-level statements: the API's own top-level Program is what WebApplicationFactory boots.)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // A child process of the image benchmark: one contender, one thread count.
        if (args is ["--images-one", var contender, var folder, var threads])
            return ImageBenchmark.RunOne(contender, folder, int.Parse(threads));
        if (args is ["--production-one", var mode, var productionFolder])
            return ProductionBenchmark.RunOne(mode, productionFolder);
        if (args.Contains("--seed-large") || args.Contains("--lists"))
            return await LargeStudioAsync(args);
        var numbers = args.Where(a => !a.StartsWith("--")).Select(int.Parse).ToArray();
        if (args.Contains("--status"))
            await StatusBulkBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 10_000, numbers.Length > 1 ? numbers[1] : 7);
        else if (args.Contains("--availability"))
            await AvailabilityBenchmark.RunAsync();
        else if (args.Contains("--calendar"))
            await CalendarBenchmark.RunAsync();
        else if (args.Contains("--images"))
            return await ImageBenchmark.RunAsync();
        else if (args.Contains("--production"))
            return await ProductionBenchmark.RunAsync();
        else if (args.Contains("--import"))
            await ImportBenchmark.RunAsync();
        else if (args.Contains("--roster"))
            await RosterBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 5_000,
                inRequest: !args.Contains("--background"), background: !args.Contains("--in-request"));
        else if (args.Contains("--yearbook"))
            await YearbookPackageBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 1_000);
        else if (args.Contains("--invoices"))
            await InvoiceBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 100_000, numbers.Length > 1 ? numbers[1] : 15);
        else if (args.Contains("--messaging"))
            await MessagingBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 10_000, numbers.Length > 1 ? numbers[1] : 2_000);
        else
        {
            Console.Error.WriteLine("Pick a benchmark: --status, --availability, --calendar, --images, --import, --roster, --yearbook, --invoices, --messaging, --production, --seed-large, --lists");
            return 1;
        }
        return 0;
    }

    static async Task<int> LargeStudioAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Count(string name, int fallback) => Option(name) is { } value ? int.Parse(value.Replace("_", "").Replace(",", "")) : fallback;
        var directory = Option("--dir") ?? LargeStudio.DefaultDirectory;
        if (args.Contains("--seed-large"))
        {
            var defaults = new LargeStudio.Size();
            await LargeStudio.SeedAsync(directory, defaults with
            {
                Clients = Count("--clients", defaults.Clients),
                Sessions = Count("--sessions", defaults.Sessions),
                Images = Count("--images", defaults.Images),
            });
        }
        if (args.Contains("--lists"))
            await ListsBenchmark.RunAsync(directory, double.Parse(Option("--seconds") ?? "3", System.Globalization.CultureInfo.InvariantCulture), Option("--only"));
        return 0;
    }
}
