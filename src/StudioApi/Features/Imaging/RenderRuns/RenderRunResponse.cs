using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>A render run and its progress: poll it until <c>state</c> is final, then fetch its manifest or zip.</summary>
public sealed class RenderRunResponse
{
    public required long Id { get; init; }
    /// <summary>The profile rendered with; null for a package run.</summary>
    public RenderRunProfileResponse? Profile { get; init; }
    /// <summary>The delivery package the run makes (a PSPA yearbook package); null for a profile's run.</summary>
    public RenderRunPackageResponse? Package { get; init; }
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
        Profile = run.ProfileId is { } profileId ? new RenderRunProfileResponse { Id = profileId, Name = run.ProfileName } : null,
        Package = RenderRunPackageResponse.From(run.Package),
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

/// <summary>A package run's package: for whom, its volume and image size, and how many students it has no image for.</summary>
public sealed class RenderRunPackageResponse
{
    /// <summary>pspaYearbook: the PSPA yearbook package of an organization.</summary>
    [MaxLength(20)]
    public required string Kind { get; init; }
    public required long OrganizationId { get; init; }
    /// <summary>The zip's top folder and the index's volume name.</summary>
    [MaxLength(RenderRunLimits.VolumeNameLength)]
    public required string VolumeName { get; init; }
    public required int WidthPx { get; init; }
    public required int HeightPx { get; init; }
    public required int Dpi { get; init; }
    /// <summary>Students of the organization the package has no image for; each, and why, is in the manifest (studentsWithoutImage).</summary>
    public required int StudentsWithoutImage { get; init; }

    public static RenderRunPackageResponse? From(RenderRunPackage? package) => package is null ? null : new()
    {
        Kind = "pspaYearbook",
        OrganizationId = package.OrganizationId,
        VolumeName = package.VolumeName,
        WidthPx = package.WidthPx,
        HeightPx = package.HeightPx,
        Dpi = package.Dpi,
        StudentsWithoutImage = package.StudentsWithoutImage,
    };
}

/// <summary>A student a package has no image for, and why.</summary>
public sealed class RenderRunMissingStudentResponse
{
    public required long ClientId { get; init; }
    [MaxLength(100)]
    public string? FirstName { get; init; }
    [MaxLength(100)]
    public string? LastName { get; init; }
    [MaxLength(50)]
    public string? StudentId { get; init; }
    [MaxLength(20)]
    public string? Grade { get; init; }
    [MaxLength(50)]
    public string? Homeroom { get; init; }
    [MaxLength(200)]
    public required string Reason { get; init; }

    public static RenderRunMissingStudentResponse From(RenderRunMissingStudent m) => new()
    {
        ClientId = m.ClientId, FirstName = m.FirstName, LastName = m.LastName, StudentId = m.StudentId, Grade = m.Grade,
        Homeroom = m.Homeroom, Reason = m.Reason,
    };
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
