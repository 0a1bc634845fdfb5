namespace StudioApi.Platform.Persistence;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For SQLite, defaults to studio.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the API starts (the <c>migrate</c> command does it on demand).</summary>
    public bool MigrateAtStartup { get; set; } = true;
}
