using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Schools.Rosters;

public sealed class RosterImportResponse : RecordResponse
{
    public long OrganizationId { get; set; }
    /// <summary>The OneRoster version its manifest declared (csv for a plain CSV).</summary>
    [MaxLength(10)]
    public string SpecVersion { get; set; } = "";
    public RosterImportMode Mode { get; set; }
    /// <summary>true: nothing was written; the rows say what the import would do.</summary>
    public bool DryRun { get; set; }
    /// <summary>oneRoster (a OneRoster package) or csv (a plain CSV through a column mapping).</summary>
    public RosterImportFormat Format { get; set; }
    /// <summary>completed for a file imported in its request; a big file's import answers 202 queued, then running, completed or failed.</summary>
    public RosterImportState State { get; set; }
    /// <summary>Rows of the file to go through, and how many have been so far (progress of a background import).</summary>
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    /// <summary>Why a background import failed; nothing was written.</summary>
    [MaxLength(1000)]
    public string? Error { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Removed { get; set; }
    public int Refused { get; set; }
    /// <summary>Every row of users.csv (and each student a bulk file no longer lists): file, line, sourcedId, what happened or why not.</summary>
    [MaxLength(1_000_000)]
    public List<RosterImportRowResponse> Rows { get; set; } = [];

    public static RosterImportResponse From(RosterImport i) => new RosterImportResponse
    {
        OrganizationId = i.OrganizationId, SpecVersion = i.SpecVersion, Mode = i.Mode, DryRun = i.DryRun,
        Format = i.Format, State = i.State, TotalRows = i.Total, ProcessedRows = i.Processed, Error = i.Error,
        Created = i.Created, Updated = i.Updated, Unchanged = i.Unchanged, Removed = i.Removed, Refused = i.Refused,
        Rows = [.. i.Rows.Select(r => new RosterImportRowResponse { File = r.File, Line = r.Line, SourcedId = r.SourcedId, Outcome = r.Outcome, Reason = r.Reason })],
    }.WithAudit(i);
}

public sealed class RosterImportRowResponse
{
    [MaxLength(40)]
    public string File { get; set; } = "";
    /// <summary>The line in its file (the header is line 1); 0 for a student a bulk file no longer lists.</summary>
    public int Line { get; set; }
    [MaxLength(255)]
    public string SourcedId { get; set; } = "";
    public RosterRowOutcome Outcome { get; set; }
    [MaxLength(500)]
    public string? Reason { get; set; }
}
