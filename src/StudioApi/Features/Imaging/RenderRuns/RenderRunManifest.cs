using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Imaging.RenderProfiles;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// manifest.json: what a run rendered, with which settings, and what failed. It is in the run's zip and at
/// GET /render-runs/{id}/manifest; each file's sha256 lets a lab or an archive check what it received.
/// </summary>
public sealed class RenderRunManifest
{
    public required long RunId { get; init; }
    public required RenderRunState State { get; init; }
    public long? RenderJobId { get; init; }
    /// <summary>The profile's settings as the run used them; null for a package run (see package).</summary>
    public RenderProfileResponse? Profile { get; init; }
    /// <summary>A package run's package, with every student it has no image for.</summary>
    public RenderRunPackageResponse? Package { get; init; }
    [MaxLength(RenderRunLimits.MaxImages)]
    public IReadOnlyList<RenderRunMissingStudentResponse>? StudentsWithoutImage { get; init; }
    [MaxLength(RenderRunLimits.MaxSessions)]
    public required IReadOnlyList<RenderRunSessionResponse> Sessions { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    [MaxLength(RenderRunLimits.MaxImages)]
    public required IReadOnlyList<RenderRunManifestFile> Files { get; init; }
    /// <summary>Every image that failed (the run's resource lists the first ones only).</summary>
    [MaxLength(RenderRunLimits.MaxImages)]
    public required IReadOnlyList<RenderRunErrorResponse> Errors { get; init; }
}

/// <summary>One rendered file of a run.</summary>
public sealed class RenderRunManifestFile
{
    /// <summary>Its name in the zip.</summary>
    [MaxLength(RenderRunLimits.OutputNameLength)]
    public required string Name { get; init; }
    public required long ImageId { get; init; }
    public required int SessionNumber { get; init; }
    public required int ImageNumber { get; init; }
    public required long Bytes { get; init; }
    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    [MaxLength(64)]
    public required string Sha256 { get; init; }
}
