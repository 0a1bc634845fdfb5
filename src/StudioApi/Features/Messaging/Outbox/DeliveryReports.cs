using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>What a delivery report that came after sending says: it arrived, or it did not (with a code and the reason).</summary>
public sealed record DeliveryReport(bool Delivered, string? Code, string Detail);

/// <summary>
/// Records delivery reports that arrive after a message was sent (Twilio's status callbacks, bounce e-mails) on the
/// message and in its attempt log. A report only moves a message that is out (sending or sent) to its final state,
/// delivered or bounced, once: a replayed report, or one arriving after another final one (Twilio's callbacks come in
/// any order), changes nothing. Sending counts as out because a provider can report before the outbox has recorded its
/// answer; the outbox then leaves the report's state alone (see <see cref="OutboxQueue"/>). An uncertain e-mail (cut
/// off while handed over) counts too: a report about it proves the mail server had it, which settles the doubt.
/// </summary>
public sealed class DeliveryReports(StudioDbContext db, BackgroundInstance instance)
{
    /// <summary>
    /// True when the report changed the message; false when it was final already or is not of this kind.
    /// <paramref name="providerId"/> (Twilio's SID) must match the one the outbox recorded, if it has recorded one.
    /// </summary>
    public async Task<bool> RecordAsync(long communicationId, CommunicationKind kind, string? providerId, DeliveryReport report, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var now = db.UtcNow;
            var detail = WorkLease.Trim(report.Detail);
            var code = report.Code is { Length: > Communication.BounceCodeMaxLength } longCode ? longCode[..Communication.BounceCodeMaxLength] : report.Code;
            var open = db.Communications.IgnoreQueryFilters().Where(c => c.Id == communicationId && c.Kind == kind
                && (c.State == DeliveryState.Sending || c.State == DeliveryState.Sent || c.State == DeliveryState.Uncertain)
                && (providerId == null || c.ProviderId == null || c.ProviderId == providerId));
            var changed = report.Delivered
                ? await open.ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.State, DeliveryState.Delivered)
                    .SetProperty(c => c.DeliveredAt, now)
                    .SetProperty(c => c.ProviderId, c => c.ProviderId ?? providerId), ct)
                : await open.ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.State, DeliveryState.Bounced)
                    .SetProperty(c => c.BouncedAt, now)
                    .SetProperty(c => c.BounceCode, code)
                    .SetProperty(c => c.Error, detail)
                    .SetProperty(c => c.ProviderId, c => c.ProviderId ?? providerId), ct);
            if (changed == 0)
                return false;
            var attempt = await db.Communications.IgnoreQueryFilters().Where(c => c.Id == communicationId).Select(c => c.Delivery.Attempts).SingleAsync(ct);
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                CommunicationId = communicationId,
                Attempt = attempt,
                StartedAt = now,
                FinishedAt = now,
                Server = instance.Id,
                Outcome = report.Delivered ? AttemptOutcome.Delivered : AttemptOutcome.Bounced,
                Detail = detail,
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
}
