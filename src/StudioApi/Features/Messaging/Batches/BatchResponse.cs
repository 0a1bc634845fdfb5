using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Batches;

public sealed class BatchResponse : RecordResponse
{
    public required long TemplateId { get; init; }
    public required CommunicationKind Channel { get; init; }
    public required BatchFilterData Filter { get; init; }
    /// <summary>queued, running, done (every record has its message) or failed.</summary>
    public required BatchState State { get; init; }
    /// <summary>The records of the filter when the batch was made.</summary>
    public required int RecordCount { get; init; }
    /// <summary>Messages made so far (one per record), by where they are now.</summary>
    public required int Made { get; init; }
    public required int Queued { get; init; }
    /// <summary>Accepted by the server or provider (delivered ones too).</summary>
    public required int Sent { get; init; }
    public required int Skipped { get; init; }
    /// <summary>Failed, uncertain, or bounced after it was sent.</summary>
    public required int Failed { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }

    public static BatchResponse From(CommunicationBatch b, IReadOnlyDictionary<DeliveryState, int> byState) => new BatchResponse
    {
        TemplateId = b.TemplateId,
        Channel = b.Channel,
        Filter = BatchFilterData.From(b.Filter),
        State = b.State,
        RecordCount = b.RecordCount,
        Made = b.Made,
        Queued = byState.GetValueOrDefault(DeliveryState.Queued) + byState.GetValueOrDefault(DeliveryState.Sending),
        Sent = byState.GetValueOrDefault(DeliveryState.Sent) + byState.GetValueOrDefault(DeliveryState.Delivered),
        Skipped = byState.GetValueOrDefault(DeliveryState.Skipped),
        Failed = byState.GetValueOrDefault(DeliveryState.Failed) + byState.GetValueOrDefault(DeliveryState.Uncertain)
                 + byState.GetValueOrDefault(DeliveryState.Bounced),
        FinishedAt = b.FinishedAt,
        Error = b.Error,
    }.WithAudit(b);
}
