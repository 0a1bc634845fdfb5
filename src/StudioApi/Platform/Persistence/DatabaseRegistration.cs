using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StudioApi.Platform.Background;
using StudioApi.Platform.Search;

namespace StudioApi.Platform.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Sessions (custom fields, promotions, participants), clients (addresses, phones, emails, family members) and the
    /// settings (opening hours, closed dates) bring several owned lists with every load. One query would join the lists
    /// into their product (up to 10 × 10 × 20 rows for one session), so each list is read by a query of its own keyed by
    /// the parent rows. Said once here, for every query, rather than as AsSplitQuery() at each load (which EF warns about
    /// when it is forgotten: MultipleCollectionIncludeWarning).
    /// </summary>
    const QuerySplittingBehavior QuerySplitting = QuerySplittingBehavior.SplitQuery;

    /// <summary>
    /// On SQLite a list of values in a query (<c>ids.Contains(x.Id)</c>) goes as one JSON parameter read with json_each,
    /// as EF did before version 10: the same SQL for any number of values, which a compiled query needs (EF.Parameter
    /// cannot name a compiled query's own argument), and no limit on how many (SQLite takes at most 32,766 parameters).
    /// SQL Server keeps EF 10's default, a parameter per value, whose plans it estimates better than OPENJSON's.
    /// </summary>
    const ParameterTranslationMode SqliteCollections = ParameterTranslationMode.Parameter;

    /// <summary>
    /// The context's options are built once: by default AddDbContext builds them for every request's context, which
    /// was an eighth of what a request allocated (the provider, its warnings and extensions, set up again each time).
    /// </summary>
    const ServiceLifetime OptionsOnce = ServiceLifetime.Singleton;

    /// <summary>
    /// A Take without an OrderBy is how a list counts up to a bound (OverdueRecords.AreFewAsync) and
    /// how a range is planned apart (OverdueRecords.AsRangeToSort), where any rows will do: EF warned on each request.
    /// </summary>
    static void Warnings(WarningsConfigurationBuilder warnings) => warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    /// <summary>Registers StudioDbContext on the configured provider, with that provider's migrations assembly.</summary>
    public static IServiceCollection AddStudioDatabase(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        var provider = options.Provider;
        var connectionString = options.ConnectionString;
        if (string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(dataDirectory);
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataDirectory, "studio.db"),
                    Pooling = true,
                    DefaultTimeout = 30,
                }.ToString();
            }
            var migrations = MigrationAssembly(DatabaseOptions.Sqlite);
            SqliteConnectionTuning.UseMultiThreadMode();
            services.AddDbContext<StudioDbContext>(db => db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplitting)
                    .UseParameterizedCollectionMode(SqliteCollections))
                .AddInterceptors(AfterCommitInterceptor.Instance, SqliteConnectionTuning.Instance).ConfigureWarnings(Warnings), optionsLifetime: OptionsOnce);
        }
        else if (string.Equals(provider, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is SqlServer but Database:ConnectionString is empty.");
            var migrations = MigrationAssembly(DatabaseOptions.SqlServer);
            services.AddDbContext<StudioDbContext>(db => db.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplitting)).AddInterceptors(AfterCommitInterceptor.Instance)
                .ConfigureWarnings(Warnings), optionsLifetime: OptionsOnce);
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be {DatabaseOptions.Sqlite} or {DatabaseOptions.SqlServer}, not '{provider}'.");
        }
        services.AddScoped<DatabaseStatistics>();
        services.AddScheduledJob<DatabaseStatisticsJob>("database-statistics", DatabaseStatisticsJob.Interval);
        services.AddSingleton<SearchIndexCatchUp>();
        return services;
    }

    /// <summary>
    /// The migrations of each provider are in their own assembly, which references this one for the model and so
    /// cannot be referenced back; the build copies it next to the app (see StudioApi.csproj) and it is loaded from there.
    /// </summary>
    static Assembly MigrationAssembly(string provider)
    {
        var name = $"StudioApi.Migrations.{provider}";
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
                throw new InvalidOperationException($"{name}.dll is missing next to the app; build src/StudioApi (or the solution) again.");
            return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }
}
