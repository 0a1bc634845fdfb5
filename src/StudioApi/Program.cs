using StudioApi.Hosting;


// StudioApi: the headless back end of a photography studio.
//   dotnet run                      serve the API (SQLite and demo data by default)
//   dotnet run -- migrate           apply database migrations and exit
//   dotnet run -- export-openapi F  write the normalized OpenAPI document to F and exit
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
var options = args.Length > 0 && command != "serve" ? args[1..] : args;

switch (command)
{
    case "serve":
        await StudioApiHost.ServeAsync(options);
        break;
    case "migrate":
        await StudioApiHost.MigrateAsync(options);
        break;
    case "export-openapi" when options.Length > 0 && !options[0].StartsWith('-'):
        await StudioApiHost.ExportOpenApiAsync(options[0], options[1..]);
        break;
    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: serve (default), migrate, export-openapi <file>.");
        Environment.ExitCode = 2;
        break;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
