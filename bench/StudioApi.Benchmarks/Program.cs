using StudioApi.Benchmarks;

// Benchmarks of StudioApi on a fresh SQLite database built by the real migrations; each switch runs one suite.
// Run them by hand in Release (they are not part of the tests or CI):
//   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --status [clients runs]   bulk status advance
//   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --availability            online-booking availability, bulk scheduling
var numbers = args.Where(a => !a.StartsWith("--")).Select(int.Parse).ToArray();
if (args.Contains("--status"))
    await StatusBulkBenchmark.RunAsync(numbers.Length > 0 ? numbers[0] : 10_000, numbers.Length > 1 ? numbers[1] : 7);
else if (args.Contains("--availability"))
    await AvailabilityBenchmark.RunAsync();
else
    Console.Error.WriteLine("Give a benchmark: --status, --availability");
