namespace StudioApi.Platform.Persistence;

/// <summary>
/// What every record the studio keeps carries: an id, a version for optimistic concurrency (the ETag),
/// who created and last changed it and when, and a soft-delete mark (the recycle bin).
/// StudioDbContext stamps all of it on save, so slices never set these by hand.
/// </summary>
public abstract class AuditedRecord : IHasId
{
    public long Id { get; set; }

    /// <summary>Incremented on every update; an app-managed concurrency token, so it works the same on SQLite and SQL Server.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}
