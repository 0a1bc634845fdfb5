using System.Linq.Expressions;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using MimeKit;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Links;
using StudioApi.Features.Messaging.Outbox.TwilioStatus;
using StudioApi.Features.Messaging.Printing;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>
/// The outbox: delivers queued e-mails (SMTP), text messages (the SMS provider) and letters (a PDF into the print queue)
/// on the background-work engine (kind <see cref="Kind"/>, settings <c>Background:Outbox:…</c>): leases, retries with a
/// doubling backoff, the last error visible, failed after MaxAttempts, taken back after a crash. Every attempt is
/// logged (<see cref="DeliveryAttempt"/>).
/// <para>
/// Never twice, never lost: before a message goes out its id is recorded (state sending, the e-mail's Message-Id), and
/// the moment its content starts to go to the server is recorded too (<see cref="Communication.HandedOverAt"/>) before
/// the server can have taken it. A retry of a message found sending was cut off by a crash: not handed over, it is sent
/// (the server cannot have it); handed over, a text message is looked up at the provider (sent: recorded, not sent
/// again), an e-mail (SMTP has no such question) is marked uncertain for a person to check, never sent again on its
/// own. The client's opt-outs are checked again before a message goes out.
/// </para>
/// </summary>
public sealed class OutboxQueue(
    StudioDbContext db, BackgroundInstance instance, TimeProvider clock, IEmailTransport email, ISmsSender sms, LetterRenderer letters,
    PrintQueue printQueue, IFileStore store, SecretProtector secrets, MessagingLinks links, SendingRateLimiter limiter, ILogger<OutboxQueue> log)
    : WorkQueue<Communication>
{
    public const string Kind = "outbox";

    static readonly Expression<Func<Communication, WorkLease>> LeaseColumns = c => c.Delivery;
    static readonly Expression<Func<Communication, DateTime>> Created = c => c.CreatedAt;
    static readonly Expression<Func<Communication, bool>> OnItsWay = c => c.State == DeliveryState.Queued || c.State == DeliveryState.Sending;

    public override Expression<Func<Communication, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<Communication, DateTime>> CreatedAt => Created;
    public override Expression<Func<Communication, bool>> Waiting => OnItsWay;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override bool IsWorthRetrying(Exception failure) => failure is not PermanentDeliveryException;

    public override void OnFailed(UpdateSettersBuilder<Communication> set, string error, DateTime now) => set
        .SetProperty(c => c.State, DeliveryState.Failed)
        .SetProperty(c => c.Error, error);

    public override async Task ProcessAsync(Communication message, CancellationToken ct)
    {
        var started = Now;
        try
        {
            await DeliverAsync(message, started, ct);
        }
        catch (Exception e) when (e is not LeaseLostException && !ct.IsCancellationRequested)
        {
            // The engine records the failure on the message; the attempt log says so too.
            var detail = WorkLease.Trim(string.IsNullOrWhiteSpace(e.Message) ? e.GetType().Name : e.Message);
            db.ChangeTracker.Clear();
            db.Set<DeliveryAttempt>().Add(Attempt(message, started, IsWorthRetrying(e) ? AttemptOutcome.Retrying : AttemptOutcome.Failed, detail));
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    async Task DeliverAsync(Communication message, DateTime started, CancellationToken ct)
    {
        // Cut off after handing an e-mail over: it may have arrived, and SMTP cannot be asked. A person decides.
        if (message is { Kind: CommunicationKind.Email, State: DeliveryState.Sending, HandedOverAt: { } handedOver })
        {
            var why = $"The server stopped while handing this e-mail over ({handedOver:u}): it may have arrived. "
                      + "It is not sent again on its own; check with the client, then send it again if need be.";
            await FinishAsync(message, started, AttemptOutcome.Uncertain, why,
                set => set.SetProperty(c => c.State, DeliveryState.Uncertain).SetProperty(c => c.Error, why));
            return;
        }

        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ClientId, ct);
        var notHandedOver = message.HandedOverAt is null;
        var skip = client is null ? SkipReason.ClientDeleted : notHandedOver ? MessageComposer.WhyNot(client, message) : null;
        if (skip is { } reason)
        {
            await FinishAsync(message, started, AttemptOutcome.Skipped, $"Skipped: {reason}.",
                set => set.SetProperty(c => c.State, DeliveryState.Skipped).SetProperty(c => c.SkipReason, reason));
            return;
        }

        var settings = await db.GetMessagingSettingsAsync(forUpdate: false, ct);
        switch (message.Kind)
        {
            case CommunicationKind.Email:
                await SendEmailAsync(message, settings, started, ct);
                break;
            case CommunicationKind.Sms:
                await SendSmsAsync(message, settings, started, ct);
                break;
            case CommunicationKind.Letter:
                await PrintLetterAsync(message, started, ct);
                break;
            default:
                throw new PermanentDeliveryException("A call is not delivered.");
        }
    }

    async Task SendEmailAsync(Communication message, MessagingSettings settings, DateTime started, CancellationToken ct)
    {
        var server = OutboxChannels.SmtpServerOf(settings, secrets);
        var messageId = message.MessageId ?? OutboxChannels.NewMessageId(settings);
        var files = new List<(string Name, string ContentType, byte[] Content)>();
        foreach (var attachment in message.Attachments)
        {
            var stored = await store.OpenReadAsync(attachment.StorageKey, ct)
                         ?? throw new PermanentDeliveryException($"The attachment {attachment.FileName} is missing from the file store.");
            await using var content = stored.Content;
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes, ct);
            files.Add((attachment.FileName, attachment.ContentType, bytes.ToArray()));
        }
        var mime = OutboxChannels.Compose(message.Subject, message.Body, message.BodyFormat, message.Address, settings, messageId,
            links.Unsubscribe(settings.PublicBaseUrl, message.ClientId), clock.GetUtcNow(), files);

        await limiter.WaitAsync("email", settings.EmailsPerMinute, ct);
        await MarkSendingAsync(message, messageId, ct);
        var handedOver = false;
        string answer;
        try
        {
            answer = await email.SendAsync(server, mime, () =>
            {
                MarkHandedOver(message);
                handedOver = true;
            }, ct);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.MessageNotAccepted && (int)e.StatusCode < 500)
        {
            // The server said, after taking the content, that it did not accept it: nothing arrived, so trying again is safe.
            await ClearHandoverAsync(message);
            throw;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // A bounce at the door: a mailbox that does not exist, a sender or message the server will not take.
            throw new PermanentDeliveryException($"The mail server refused the message ({(int)e.StatusCode}): {e.Message}", e);
        }
        catch (MailKit.Security.AuthenticationException e)
        {
            throw new PermanentDeliveryException($"The mail server refused the sign-in: {e.Message}", e);
        }
        catch (Exception e) when (handedOver && e is not LeaseLostException && !ct.IsCancellationRequested)
        {
            var why = $"The connection failed while the e-mail was being handed over: it may have arrived ({e.Message}). "
                      + "It is not sent again on its own; check with the client, then send it again if need be.";
            await FinishAsync(message, started, AttemptOutcome.Uncertain, why,
                set => set.SetProperty(c => c.State, DeliveryState.Uncertain).SetProperty(c => c.Error, WorkLease.Trim(why)));
            return;
        }
        var sentAt = Now;
        // A delivery report recorded meanwhile (see DeliveryReports) keeps its state.
        await FinishAsync(message, started, AttemptOutcome.Sent, answer, set => set
            .SetProperty(c => c.State, c => c.State == DeliveryState.Sending ? DeliveryState.Sent : c.State)
            .SetProperty(c => c.SentAt, sentAt)
            .SetProperty(c => c.ProviderId, Trim(answer, 200))
            .SetProperty(c => c.Error, c => c.State == DeliveryState.Sending ? null : c.Error)
            .SetProperty(c => c.Delivery.LastError, (string?)null));
    }

    async Task SendSmsAsync(Communication message, MessagingSettings settings, DateTime started, CancellationToken ct)
    {
        var account = OutboxChannels.SmsAccountOf(settings, secrets);
        var to = PhoneNumbers.ToE164(message.Address ?? "");
        var body = message.Body ?? "";

        if (message.HandedOverAt is { } handedOver)
        {
            // An attempt died after handing it to the provider: ask the provider before sending it again.
            if (await sms.FindSentAsync(account, to, body, handedOver, ct) is { } found)
            {
                await FinishAsync(message, started, AttemptOutcome.FoundDelivered, $"The provider has it as {found}: not sent again.", set => set
                    .SetProperty(c => c.State, c => c.State == DeliveryState.Sending ? DeliveryState.Sent : c.State)
                    .SetProperty(c => c.SentAt, handedOver)
                    .SetProperty(c => c.ProviderId, found)
                    .SetProperty(c => c.Error, c => c.State == DeliveryState.Sending ? null : c.Error));
                return;
            }
        }

        await limiter.WaitAsync("sms", settings.SmsPerMinute, ct);
        await MarkSendingAsync(message, message.MessageId ?? Guid.NewGuid().ToString("N"), ct);
        var sid = await sms.SendAsync(account, to, body, TwilioStatusCallbackEndpoint.UrlFor(settings.PublicBaseUrl, message.Id),
            () => MarkHandedOver(message), ct);
        var sentAt = Now;
        // Twilio may have reported delivered or undelivered before its answer is recorded here: that state stays.
        await FinishAsync(message, started, AttemptOutcome.Sent, sid, set => set
            .SetProperty(c => c.State, c => c.State == DeliveryState.Sending ? DeliveryState.Sent : c.State)
            .SetProperty(c => c.SentAt, sentAt)
            .SetProperty(c => c.ProviderId, sid)
            .SetProperty(c => c.Error, c => c.State == DeliveryState.Sending ? null : c.Error)
            .SetProperty(c => c.Delivery.LastError, (string?)null));
    }

    async Task PrintLetterAsync(Communication message, DateTime started, CancellationToken ct)
    {
        // One print job per letter (a unique index): an attempt cut off after making it finds it.
        var job = await db.PrintJobs.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.CommunicationId == message.Id, ct);
        if (job is null)
        {
            var (pdf, pages) = await letters.RenderAsync(message, ct);
            job = await printQueue.AddAsync(PrintJobKind.Letter, $"Letter to {FirstLine(message.Address)}: {message.Subject ?? "(no subject)"}", pdf, pages,
                date: null, message.Id, ct);
        }
        var sentAt = Now;
        await FinishAsync(message, started, AttemptOutcome.Sent, $"In the print queue as print job {(job.Id == 0 ? "(new)" : job.Id)}.", set => set
            .SetProperty(c => c.State, DeliveryState.Sent)
            .SetProperty(c => c.SentAt, sentAt)
            .SetProperty(c => c.Error, (string?)null));
    }

    /// <summary>The message while this attempt holds it: same server, same attempt.</summary>
    IQueryable<Communication> Held(Communication message)
    {
        var owner = instance.Id;
        var attempt = message.Delivery.Attempts;
        return db.Communications.IgnoreQueryFilters()
            .Where(c => c.Id == message.Id && c.Delivery.LeaseOwner == owner && c.Delivery.Attempts == attempt);
    }

    async Task MarkSendingAsync(Communication message, string messageId, CancellationToken ct)
    {
        if (await Held(message).ExecuteUpdateAsync(set => set
                .SetProperty(c => c.State, DeliveryState.Sending)
                .SetProperty(c => c.MessageId, messageId), ct) == 0)
            throw new LeaseLostException();
        message.MessageId = messageId;
        message.State = DeliveryState.Sending;
    }

    /// <summary>Runs inside the transport's send, before the content goes out; committed before it returns.</summary>
    void MarkHandedOver(Communication message)
    {
        var now = Now;
        if (Held(message).ExecuteUpdate(set => set.SetProperty(c => c.HandedOverAt, now)) == 0)
            throw new LeaseLostException(); // another server has it now: stop before anything goes out
        message.HandedOverAt = now;
    }

    async Task ClearHandoverAsync(Communication message) =>
        await Held(message).ExecuteUpdateAsync(set => set.SetProperty(c => c.HandedOverAt, (DateTime?)null), CancellationToken.None);

    /// <summary>Records how the attempt ended, with its log entry, in one transaction; nothing if the lease was lost meanwhile.</summary>
    async Task FinishAsync(Communication message, DateTime started, AttemptOutcome outcome, string detail,
        Action<UpdateSettersBuilder<Communication>> outcomeSetters)
    {
        await db.InTransactionAsync(async () =>
        {
            if (await Held(message).ExecuteUpdateAsync(outcomeSetters, CancellationToken.None) == 0)
                throw new LeaseLostException();
            db.Set<DeliveryAttempt>().Add(Attempt(message, started, outcome, WorkLease.Trim(detail)));
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
        log.LogDebug("Outbox: {Kind} {Id} {Outcome}", message.Kind, message.Id, outcome);
    }

    DeliveryAttempt Attempt(Communication message, DateTime started, AttemptOutcome outcome, string? detail) => new()
    {
        CommunicationId = message.Id,
        Attempt = message.Delivery.Attempts,
        StartedAt = started,
        FinishedAt = Now,
        Server = instance.Id,
        Outcome = outcome,
        Detail = detail,
    };

    static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();

    static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Another server took the message over (this one stalled past its lease): stop, change nothing.</summary>
public sealed class LeaseLostException() : OperationCanceledException("The outbox's lease on the message passed to another server.");
