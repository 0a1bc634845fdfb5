using StudioApi.Benchmarks;

// Benchmarks of the running API on a fresh SQLite database. Each switch runs one suite:
//   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --availability
if (args.Contains("--availability"))
    await AvailabilityBenchmark.RunAsync();
else
    Console.Error.WriteLine("Give a benchmark: --availability");
