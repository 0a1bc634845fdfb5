using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches;

/// <summary>One batch message for one record, rendered and queued (or kept skipped with the reason) like any other message.</summary>
public sealed class BatchComposer(MessageComposer composer)
{
    public async Task<Communication> ComposeAsync(MessageTemplate template, CommunicationKind channel, BatchRecord record, long? batchId, CancellationToken ct)
    {
        var message = new Communication
        {
            Kind = channel,
            ClientId = record.ClientId,
            SessionId = record.SessionId,
            InvoiceId = record.InvoiceId,
            BatchId = batchId,
            BatchRecordId = record.RecordId,
        };
        await composer.RenderAsync(message, template, ct);
        await composer.QueueAsync(message, ct);
        return message;
    }
}
