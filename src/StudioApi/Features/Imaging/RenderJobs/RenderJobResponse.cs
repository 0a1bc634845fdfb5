using StudioApi.Platform.Http;


namespace StudioApi.Features.Imaging.RenderJobs;

public sealed class RenderJobResponse : RecordResponse
{
    public required string Name { get; init; }
    public required long ProfileId { get; init; }
    public required long TriggerStatusId { get; init; }
    public required long SuccessStatusId { get; init; }
    public required long FailureStatusId { get; init; }
    public required bool Active { get; init; }

    public static RenderJobResponse From(RenderJob j) => new RenderJobResponse
    {
        Name = j.Name,
        ProfileId = j.ProfileId,
        TriggerStatusId = j.TriggerStatusId,
        SuccessStatusId = j.SuccessStatusId,
        FailureStatusId = j.FailureStatusId,
        Active = j.Active,
    }.WithAudit(j);
}
