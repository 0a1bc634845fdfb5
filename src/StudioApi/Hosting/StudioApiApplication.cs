using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Scalar.AspNetCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Messaging;
using StudioApi.Features.Production;
using StudioApi.Features.Sales;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Schools;
using StudioApi.Features.Setup;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.Binding;
using StudioApi.Platform.Http.Cors;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.RateLimiting;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Storage;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Hosting;

/// <summary>The one definition of the application: services and the HTTP pipeline. Every command and the tests build it here.</summary>
public static class StudioApiApplication
{
    /// <summary>Where the API listens unless told otherwise (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or Kestrel:Endpoints).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var configuration = builder.Configuration;
        // In code rather than in launchSettings.json, whose applicationUrl would override ASPNETCORE_URLS under dotnet run.
        // Nothing chose an address: this is the local demo start, on localhost only.
        var localDemo = string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
                        && string.IsNullOrEmpty(configuration["https_ports"]) && !configuration.GetSection("Kestrel:Endpoints").Exists();
        if (localDemo)
            builder.WebHost.UseUrls(DefaultUrl);

        var dataDirectory = Path.GetFullPath(configuration["Storage:DataDirectory"] ?? "data", builder.Environment.ContentRootPath);
        var databaseOptions = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(databaseOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<RecordAuthor>();
        services.AddStudioDatabase(databaseOptions, dataDirectory);
        services.AddScoped<StudioCalendar>();
        services.AddWorkflow();
        services.AddBackgroundWork(configuration, dataDirectory); // the engine; the areas plug their kinds of work into it
        services.AddFileStorage(configuration, dataDirectory); // the store, and its reconciliation with the records the areas declare

        // The business areas, each registering its own services, jobs and workflow kinds. Production, Messaging and
        // Schools plug in here the same way (see the README's "Working on it").
        services.AddSetup();
        services.AddClients();
        services.AddScheduling();
        services.AddImaging(configuration);
        services.AddSales(configuration);
        services.AddProduction(configuration);
        services.AddSchools();
        services.AddMessaging(configuration);
        services.AddScheduler(configuration); // after the areas: it schedules the jobs they declared

        // Errors: RFC 9457 problem details for everything, including empty 401/403/404/405 responses.
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblemHandler>();

        // Auth: JWT bearer; the user behind a token is checked on every request (CurrentUserCheck).
        var jwt = configuration.GetSection("Auth").Get<JwtSettings>() ?? new JwtSettings();
        services.AddSingleton(Options.Create(jwt));
        var signingKey = SigningKey.Resolve(jwt, dataDirectory);
        services.AddSingleton(signingKey);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<RefreshTokenIssuer>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKey = signingKey,
                // RFC 8725: accept only the algorithm we sign with, whatever a token's header claims.
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            bearer.Events = new JwtBearerEvents { OnTokenValidated = CurrentUserCheck.OnTokenValidated };
        });
        services.AddAuthorization();
        services.AddStudioRateLimits(configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions());
        var crossOrigin = configuration.GetSection("Cors").Get<CrossOriginOptions>() ?? new CrossOriginOptions();
        // The local demo lets the kiosk sample (samples/kiosk-web) on its dev port call it, unless origins are configured;
        // a deployment chooses its address, and then only the origins it lists.
        if (localDemo && crossOrigin.AllowedOrigins.Length == 0)
            crossOrigin.AllowedOrigins = CrossOriginOptions.KioskSampleOrigins;
        services.AddStudioCors(crossOrigin);

        // Every JSON body is checked against its endpoint's fields before FastEndpoints binds it (unknown fields are refused).
        services.AddSingleton<JsonBodyShapes>();
        services.AddSingleton(typeof(IRequestBinder<>), typeof(JsonBodyBinder<>));
        // Validation messages name a field as the JSON does ('timeZone' must not be empty), not as C# words ('Time Zone').
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddFastEndpoints();
        services.ConfigureHttpJsonOptions(json => ConfigureJson(json.SerializerOptions));
        services.AddStudioOpenApi();
        services.AddSingleton(Options.Create(configuration.GetSection("Idempotency").Get<IdempotencySettings>() ?? new IdempotencySettings()));
        services.AddSingleton<IdempotencyRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyRetention>());
        // Like the scheduled jobs, off with Jobs:Enabled=false (tests, the OpenAPI export, a second instance).
        if (configuration.GetValue("Jobs:Enabled", true))
            services.AddHostedService(sp => sp.GetRequiredService<SearchIndexCatchUp>());
        services.AddHealthChecks().AddDbContextCheck<StudioDbContext>("database", tags: ["ready"]);

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before everything that could refuse a request: a refusal the browser cannot read (no CORS headers) looks like a
        // network error to the front end. Preflights are answered here and count against no budget.
        app.UseCors();
        app.UseAuthentication();
        app.UseStudioRateLimits(); // after authentication (budgets are per user), before authorization (floods of refused calls count too)
        app.UseAuthorization();
        app.UseMiddleware<ContentTypeRequiredMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseFastEndpoints(fe =>
        {
            fe.Endpoints.RoutePrefix = "api/v1";
            fe.Errors.UseProblemDetails();
            ConfigureJson(fe.Serializer.Options);
        });

        app.MapStudioOpenApi();
        app.MapScalarApiReference("/scalar", scalar => scalar
                .WithTitle("StudioApi")
                // Fully offline: no web fonts, and none of the features that call Scalar's services.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton()
                .AddPreferredSecuritySchemes("bearer"))
            .AllowAnonymous();
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymous();

        return app;
    }

    /// <summary>camelCase, enums as camelCase strings, numbers as numbers only (so the contract says integer, not integer-or-string).</summary>
    static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (!json.Converters.OfType<JsonStringEnumConverter>().Any())
            json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
