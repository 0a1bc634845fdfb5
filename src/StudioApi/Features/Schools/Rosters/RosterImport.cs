using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Rosters;

public enum RosterImportMode
{
    /// <summary>The file is the whole roster: a student linked before and missing now is taken off it.</summary>
    Bulk,
    /// <summary>The file holds changes only: a student leaves the roster when marked tobedeleted.</summary>
    Delta,
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

/// <summary>Which client a roster's sourcedId became, per organization: how a second import finds it again.</summary>
public sealed class RosterLink : IHasId
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public string SourcedId { get; set; } = "";
    public long ClientId { get; set; }
}
