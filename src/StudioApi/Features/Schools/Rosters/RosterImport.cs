using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Rosters;

public enum RosterImportMode
{
    /// <summary>The file is the whole roster: a student linked before and missing now is taken off it.</summary>
    Bulk,
    /// <summary>The file holds changes only: a student leaves the roster when marked tobedeleted.</summary>
    Delta,
}

public enum RosterImportFormat
{
    /// <summary>A OneRoster 1.1 or 1.2 CSV package (zip).</summary>
    OneRoster,
    /// <summary>A plain CSV file of students, one per line, read through a column mapping.</summary>
    Csv,
}

public enum RosterImportState
{
    /// <summary>A big file waiting for the background worker.</summary>
    Queued,
    Running,
    Completed,
    /// <summary>The worker gave up (see error); nothing was written.</summary>
    Failed,
}

public enum RosterRowOutcome
{
    Created,
    Updated,
    Unchanged,
    Removed,
    Skipped,
    Refused,
}

/// <summary>One roster import into one organization: what it was, what it did (or, dry, would do), row by row.</summary>
public sealed class RosterImport : AuditedRecord
{
    public long OrganizationId { get; set; }
    /// <summary>The OneRoster version the manifest declared (1.1 or 1.2).</summary>
    public string SpecVersion { get; set; } = "";
    public RosterImportMode Mode { get; set; }
    public bool DryRun { get; set; }
    public RosterImportFormat Format { get; set; }
    /// <summary>Completed for an import done in its request; a big file's goes queued, running, then completed or failed.</summary>
    public RosterImportState State { get; set; } = RosterImportState.Completed;
    /// <summary>Rows of the file to go through (users.csv's, or the CSV's), and how many the worker has gone through so far.</summary>
    public int Total { get; set; }
    public int Processed { get; set; }
    /// <summary>Why a background import failed.</summary>
    public string? Error { get; set; }
    /// <summary>The background worker's lease of a big file's import.</summary>
    public WorkLease Work { get; set; } = new();
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Removed { get; set; }
    public int Refused { get; set; }
    public List<RosterImportRow> Rows { get; set; } = [];
}

public sealed class RosterImportRow
{
    public string File { get; set; } = "";
    public int Line { get; set; }
    public string SourcedId { get; set; } = "";
    public RosterRowOutcome Outcome { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A big roster file waiting for the background worker, with the CSV mapping it was sent with; gone once imported.</summary>
public sealed class RosterImportUpload : IHasId
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public byte[] Content { get; set; } = [];
    /// <summary>A CSV's column mapping, as JSON.</summary>
    public string? Mapping { get; set; }
}

/// <summary>Which client a roster's sourcedId became, per organization: how a second import finds it again.</summary>
public sealed class RosterLink : IHasId
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string SourcedId { get; set; } = "";
    public long ClientId { get; set; }
}
