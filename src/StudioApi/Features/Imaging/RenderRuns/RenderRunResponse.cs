using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>A render run and its progress: poll it until <c>state</c> is final, then fetch its manifest or zip.</summary>
public sealed class RenderRunResponse
{
    public required long Id { get; init; }
    public required RenderRunProfileResponse Profile { get; init; }
    /// <summary>The render job that started the run, or null when someone asked for it.</summary>
    public long? RenderJobId { get; init; }
    /// <summary>The production order whose ordered images the run renders, for a run of one.</summary>
    public long? ProductionOrderId { get; init; }
    [MaxLength(RenderRunLimits.MaxSessions)]
    public required IReadOnlyList<RenderRunSessionResponse> Sessions { get; init; }
    /// <summary>queued, running, then completed, completedWithErrors, failed or cancelled.</summary>
    public required RenderRunState State { get; init; }
    /// <summary>Images to render, fixed when the run was created.</summary>
    public required int Total { get; init; }
    /// <summary>Images rendered so far.</summary>
    public required int Done { get; init; }
    /// <summary>Images that could not be rendered (see errors); done + failed = total when the run ends.</summary>
    public required int Failed { get; init; }
    /// <summary>Why the whole run failed, when it did.</summary>
    [MaxLength(RenderRunLimits.ErrorLength)]
    public string? Error { get; init; }
    /// <summary>The first images that failed (every one is in the manifest).</summary>
    [MaxLength(RenderRunLimits.MaxErrorsListed)]
    public required IReadOnlyList<RenderRunErrorResponse> Errors { get; init; }
    [MaxLength(100)]
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Where to download the output, once the run has finished with one (not when cancelled).</summary>
    public RenderRunOutputLinks? Output { get; init; }

    public static RenderRunResponse From(RenderRun run, IReadOnlyList<RenderRunErrorResponse> errors) => new()
    {
        Id = run.Id,
        Profile = new RenderRunProfileResponse { Id = run.ProfileId, Name = run.ProfileName },
        RenderJobId = run.RenderJobId,
        ProductionOrderId = run.ProductionOrderId,
        Sessions = run.Sessions.Select(s => new RenderRunSessionResponse { Id = s.SessionId, Number = s.SessionNumber }).ToList(),
        State = run.State,
        Total = run.Total,
        Done = run.Done,
        Failed = run.Failed,
        Error = run.Error,
        Errors = errors,
        CreatedBy = run.CreatedBy,
        CreatedAt = run.CreatedAt,
        StartedAt = run.StartedAt,
        FinishedAt = run.FinishedAt,
        Output = run.ZipSha256 is null ? null : new RenderRunOutputLinks
        {
            Manifest = $"/api/v1/render-runs/{run.Id}/manifest",
            Zip = $"/api/v1/render-runs/{run.Id}/zip",
            ZipBytes = run.ZipBytes ?? 0,
        },
    };
}

public sealed class RenderRunProfileResponse
{
    public required long Id { get; init; }
    [MaxLength(100)]
    public required string Name { get; init; }
}

public sealed class RenderRunSessionResponse
{
    public required long Id { get; init; }
    public required int Number { get; init; }
}

/// <summary>An image that could not be rendered, and why.</summary>
public sealed class RenderRunErrorResponse
{
    public required long ImageId { get; init; }
    public required int SessionNumber { get; init; }
    public required int ImageNumber { get; init; }
    [MaxLength(RenderRunLimits.ErrorLength)]
    public required string Message { get; init; }

    public static RenderRunErrorResponse From(RenderRunItem item) => new()
    {
        ImageId = item.ImageId,
        SessionNumber = item.SessionNumber,
        ImageNumber = item.ImageNumber,
        Message = item.Error ?? "",
    };
}

public sealed class RenderRunOutputLinks
{
    [MaxLength(100)]
    public required string Manifest { get; init; }
    [MaxLength(100)]
    public required string Zip { get; init; }
    public required long ZipBytes { get; init; }
}

public static class RenderRunResponses
{
    /// <summary>The run with its first per-image errors.</summary>
    public static async Task<RenderRunResponse> LoadAsync(Platform.Persistence.StudioDbContext db, RenderRun run, CancellationToken ct)
    {
        if (run.Failed == 0)
            return RenderRunResponse.From(run, []);
        var errors = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.RenderRunItems.Where(i => i.RunId == run.Id && i.State == RenderRunItemState.Failed)
                .OrderBy(i => i.Id).Take(RenderRunLimits.MaxErrorsListed), ct);
        return RenderRunResponse.From(run, errors.Select(RenderRunErrorResponse.From).ToList());
    }
}
