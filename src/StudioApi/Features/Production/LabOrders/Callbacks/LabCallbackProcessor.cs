using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.CardPayments;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.LabOrders.Callbacks;

/// <summary>
/// Applies a verified lab callback to its submission and production order, once: the event's id is kept among the
/// provider events (a unique index), so a redelivered or replayed callback finds it and changes nothing. Accepted
/// records the lab's order number as the order's lab reference; rejected keeps the lab's per-image errors, each
/// matched to its line by the asset URL; shipped sets the order's carrier and tracking number. Each then moves the
/// order to the status of its workflow marked with that lab event (<see cref="StatusDefinition.LabEvent"/>), if any.
/// </summary>
public sealed class LabCallbackProcessor(StudioDbContext db, StatusTransitions transitions)
{
    /// <summary>True when it was applied now; false when it was seen before or names no order of ours.</summary>
    public async Task<bool> ApplyAsync(string provider, long vendorId, LabCallback callback, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            if (!await ProviderEvent.RecordOnceAsync(db, provider, callback.EventId, callback.Kind.ToString(), ct))
                return false; // delivered again: processed already
            var submissions = db.Set<LabSubmission>().Where(s => s.VendorId == vendorId);
            var submission = callback.ConfirmationId is { Length: > 0 } confirmation
                ? await submissions.SingleOrDefaultAsync(s => s.LabConfirmationId == confirmation, ct)
                : callback.LabKey is { Length: > 0 } key ? await submissions.SingleOrDefaultAsync(s => s.LabKey == key, ct) : null;
            if (submission is null)
                return false; // not about an order of ours (or of an earlier round)
            var order = await db.ProductionOrders.IgnoreQueryFilters().SingleAsync(o => o.Id == submission.ProductionOrderId, ct);
            var now = db.UtcNow;
            LabEvent? moveFor = null;
            submission.LabAnswer = Trim(callback.Summary, LabSubmissionLimits.AnswerLength);
            if (callback.LabOrderNumber is { Length: > 0 } number)
            {
                submission.LabOrderNumber = Trim(number, LabSubmissionLimits.LabIdLength);
                order.LabReference = Trim(number, ProductionOrderLimits.LabReferenceLength);
            }
            switch (callback.Kind)
            {
                // A late "accepted" after the shipment changes nothing but the answer: the order stays shipped.
                case LabCallbackKind.Accepted when submission.State is not LabSubmissionState.Shipped:
                    submission.State = LabSubmissionState.Accepted;
                    submission.AcceptedAt = now;
                    moveFor = LabEvent.Accepted;
                    break;
                case LabCallbackKind.Rejected:
                    submission.State = LabSubmissionState.Rejected;
                    submission.RejectedAt = now;
                    submission.Errors = await WithLinesAsync(callback.Errors, ct);
                    moveFor = LabEvent.Rejected;
                    break;
                case LabCallbackKind.Shipped:
                    submission.State = LabSubmissionState.Shipped;
                    submission.ShippedAt = now;
                    submission.Carrier = Trim(callback.Carrier, ProductionOrderLimits.CarrierLength);
                    submission.TrackingNumber = Trim(callback.TrackingNumber, ProductionOrderLimits.TrackingNumberLength);
                    submission.TrackingUrl = Trim(callback.TrackingUrl, LabSubmissionLimits.UrlLength);
                    order.Carrier = submission.Carrier ?? order.Carrier;
                    order.TrackingNumber = submission.TrackingNumber ?? order.TrackingNumber;
                    moveFor = LabEvent.Shipped;
                    break;
            }
            await db.SaveChangesAsync(ct);
            // Through the staff's status machinery (guarded move, log entry, due date, version, StatusChanged after the
            // commit), inside this transaction: the move commits with the provider event or not at all, so a replay
            // finds the event and cannot move the order twice, and a crash or a conflict (409, the lab retries) loses
            // neither. The log names the lab, and its answer (the rejected images' errors, the tracking) is the note.
            if (moveFor is { } labEvent)
                await transitions.ApplyAsync(RecordKind.ProductionOrder, [order.Id], workflows => row => Decide(row, workflows, labEvent),
                    Trim(submission.LabAnswer, StatusLogEntry.NoteMaxLength), $"lab:{provider}", ct);
            return true;
        }, ct);

    /// <summary>
    /// To the status of the order's workflow marked with <paramref name="labEvent"/>, decided as a staff change to it
    /// would be (an order already there, or a status made inactive, stays); no status marked: the status stays.
    /// </summary>
    static StatusTransitions.Decision Decide(WorkflowRecordRow row, KindWorkflows workflows, LabEvent labEvent) =>
        workflows.For(row.TypeId).FirstOrDefault(s => s.LabEvent == labEvent) is { } marked
            ? StatusTransitions.Decide(row, workflows, StatusTarget.To(marked.Id))
            : StatusTransitions.Decision.Leave(StatusChangeSkipReason.NoStatuses);

    /// <summary>The lab's errors, each with the line whose file its asset URL names (one of our signed links).</summary>
    async Task<List<LabSubmissionError>> WithLinesAsync(IReadOnlyList<LabSubmissionError> errors, CancellationToken ct)
    {
        var itemIds = errors.Select(e => LabFileLinks.Parse(e.AssetUrl)?.ItemId).OfType<long>().Distinct().ToList();
        var lines = await db.Set<RenderRunItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.OrderLineId, ct);
        return errors.Take(LabSubmissionLimits.MaxErrors).Select(e => new LabSubmissionError
        {
            Code = Trim(e.Code, 20),
            Message = Trim(e.Message, LabSubmissionLimits.AnswerLength) ?? "",
            AssetUrl = Trim(e.AssetUrl, 2000),
            LineId = LabFileLinks.Parse(e.AssetUrl) is { } link ? lines.GetValueOrDefault(link.ItemId) : null,
        }).ToList();
    }

    static string? Trim(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
