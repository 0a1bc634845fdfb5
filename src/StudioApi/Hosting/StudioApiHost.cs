using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Seeding;


namespace StudioApi.Hosting;

/// <summary>What each command of the executable does with the one application definition in <see cref="StudioApiApplication"/>.</summary>
public static class StudioApiHost
{
    public static async Task ServeAsync(string[] args)
    {
        var app = StudioApiApplication.Build(args);
        var database = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (database.MigrateAtStartup)
            await DatabaseStartup.MigrateAsync(app.Services);
        var administrator = await StudioSeeding.SeedAsync(app.Services);
        // The welcome comes last, once the server listens, so a generated password ends the output instead of
        // scrolling away; should the server fail to start (a port in use), the password is shown all the same.
        var welcomed = false;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            PrintWelcome(app, administrator);
            welcomed = true;
            // The reference page fetches the contract first thing: have it ready.
            app.Services.GetRequiredService<OpenApiContract>()
                .BuildInBackground(app.Services.GetRequiredService<ILogger<OpenApiContract>>(), app.Lifetime.ApplicationStopping);
        });
        try
        {
            await app.RunAsync();
        }
        finally
        {
            if (!welcomed && administrator is not null)
                Console.WriteLine(administrator.SignInLine);
        }
    }

    public static async Task MigrateAsync(string[] args)
    {
        var app = StudioApiApplication.Build(args);
        await DatabaseStartup.MigrateAsync(app.Services);
        Console.WriteLine("Migrations applied.");
    }

    /// <summary>Starts the app on a loopback port without touching the database, fetches its document and writes it normalized.</summary>
    public static async Task ExportOpenApiAsync(string path, string[] args)
    {
        // A throwaway signing key, so exporting writes nothing into the data folder either.
        var throwawayKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        var app = StudioApiApplication.Build([.. args, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Jobs:Enabled=false", "--Background:Enabled=false", $"--Auth:SigningKey={throwawayKey}"]);
        await app.StartAsync();
        try
        {
            var address = app.Urls.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var document = await http.GetStringAsync("/openapi/v1.json");
            await File.WriteAllTextAsync(path, OpenApiNormalizer.Normalize(document));
            Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    static void PrintWelcome(WebApplication app, CreatedAdministrator? administrator)
    {
        foreach (var url in app.Urls)
        {
            var local = url.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost").Replace("+", "localhost").Replace("*", "localhost");
            Console.WriteLine($"StudioApi is running at {local}");
            Console.WriteLine($"  API reference (Scalar): {local}/scalar");
        }
        if (administrator is not null)
            Console.WriteLine(administrator.SignInLine);
    }
}
