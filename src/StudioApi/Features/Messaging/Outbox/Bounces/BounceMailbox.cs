using System.Security.Cryptography;
using MailKit.Net.Pop3;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Quartz;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Outbox.Bounces;

/// <summary>
/// Reads the bounces that come back after an e-mail was accepted (RFC 3464 delivery status notifications) from the
/// studio's bounce mailbox over POP3 (MailKit), every few minutes: each report is matched to its e-mail by the envelope
/// id it was sent with or the Message-Id in its returned headers (both the one recorded before sending), the e-mail is
/// marked bounced with the status and diagnostic (or delivered, for a success report), and a hard bounce (5.x.x) flags
/// the client's address so no more e-mails go to it. A report is removed from the mailbox once recorded; other mail is
/// left alone.
/// <para>
/// Why a mailbox poll rather than an inbound endpoint for an MTA to pipe bounces to: bounces go back to the sender's
/// address, which for a studio is a mailbox at its mail provider, not a mail server it runs; reading that mailbox needs
/// only its POP3 login (kept encrypted as the SMTP password is) and nothing reachable from the internet. POP3 rather
/// than IMAP: the API only needs to list, read and delete, which every provider offers over POP3.
/// </para>
/// <para>
/// Each report is taken once: its Message-Id (or a hash of its bytes) is kept (<see cref="BounceMessage"/>) in the same
/// transaction that records it, so a report read again (the server stopped before deleting it, or it was delivered
/// twice) changes nothing, and the delivery report itself never moves a final state (<see cref="DeliveryReports"/>).
/// </para>
/// </summary>
public sealed class BounceMailbox(StudioDbContext db, SecretProtector secrets, DeliveryReports reports, ILogger<BounceMailbox> log)
{
    const int TimeoutMilliseconds = 30_000;
    /// <summary>Per run, so a flooded mailbox is worked through over several runs rather than in one long one.</summary>
    const int MaxMessagesPerRun = 200;

    /// <summary>Reads the mailbox once; nothing when no bounce mailbox is set up. Returns the reports recorded.</summary>
    public async Task<int> ReadAsync(CancellationToken ct)
    {
        var settings = await db.GetMessagingSettingsAsync(forUpdate: false, ct);
        if (settings.BounceMailboxHost is not { } host)
            return 0;
        var password = secrets.Unprotect(settings.BounceMailboxPasswordProtected);
        using var pop3 = new Pop3Client { Timeout = TimeoutMilliseconds };
        await pop3.ConnectAsync(host, settings.BounceMailboxPort, SmtpEmailTransport.SocketOptionsOf(settings.BounceMailboxTlsMode), ct);
        if (settings.BounceMailboxUsername is { } user)
            await pop3.AuthenticateAsync(user, password ?? "", ct);

        var uids = await pop3.GetMessageUidsAsync(ct);
        var keys = uids.Select(UidKey).ToList();
        var seen = new HashSet<string>();
        foreach (var chunk in keys.Chunk(500))
            seen.UnionWith(await db.Set<BounceMessage>().AsNoTracking().Where(b => chunk.Contains(b.Key)).Select(b => b.Key).ToListAsync(ct));
        var recorded = 0;
        var read = 0;
        for (var index = 0; index < uids.Count && read < MaxMessagesPerRun; index++)
        {
            if (seen.Contains(keys[index]))
                continue; // mail other than a bounce, read before: left as it is
            read++;
            var message = await pop3.GetMessageAsync(index, ct);
            if (BounceReport.Read(message) is not { } report)
            {
                await RememberAsync(keys[index], null, "Not a delivery status notification: left in the mailbox.", ct);
                continue;
            }
            if (await RecordAsync(message, report, ct))
                recorded++;
            // Recorded (or known already): removed when the session ends with QUIT, after the commit above.
            await pop3.DeleteMessageAsync(index, ct);
        }
        await pop3.DisconnectAsync(quit: true, ct);
        return recorded;
    }

    /// <summary>Records one report, once; true when it changed an e-mail of ours.</summary>
    async Task<bool> RecordAsync(MimeMessage message, BounceReport report, CancellationToken ct) => await db.InTransactionAsync(async () =>
    {
        var entry = new BounceMessage { Key = ReportKey(message), ReceivedAt = db.UtcNow };
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false; // read before: taken once
        }

        var ids = new[] { report.EnvelopeId, report.OriginalMessageId }.OfType<string>().Distinct().ToList();
        var email = ids.Count == 0 ? null : await db.Communications.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Kind == CommunicationKind.Email && c.MessageId != null && ids.Contains(c.MessageId))
            .Select(c => new { c.Id, c.ClientId, c.Address })
            .FirstOrDefaultAsync(ct);
        var recipient = report.Recipients.FirstOrDefault(r => r.Action == "failed")
                        ?? report.Recipients.FirstOrDefault(r => r.Action is "delivered" or "relayed" or "expanded");
        if (email is null || recipient is null)
        {
            entry.Outcome = email is null ? "Not about an e-mail sent from here." : "Nothing final to report (delayed).";
            await db.SaveChangesAsync(ct);
            return false;
        }
        entry.CommunicationId = email.Id;

        var failed = recipient.Action == "failed";
        var code = recipient.Status ?? (failed ? "5.0.0" : "2.0.0");
        var reason = recipient.Diagnostic is { } diagnostic ? $"{code} ({diagnostic})" : code;
        var delivery = failed
            ? new DeliveryReport(false, code, $"The recipient's mail system bounced it{(recipient.IsHard ? "" : " (a temporary failure it gave up on)")}: {reason}.")
            : new DeliveryReport(true, null, $"The recipient's mail system reported it {recipient.Action}: {reason}.");
        var changed = await reports.RecordAsync(email.Id, CommunicationKind.Email, providerId: null, delivery, ct);
        entry.Outcome = changed ? delivery.Detail : "The e-mail had a final delivery report already.";
        await db.SaveChangesAsync(ct);
        if (changed && recipient.IsHard && email.Address is { } address)
            await FlagAddressAsync(email.ClientId, address, reason, ct);
        return changed;
    }, ct);

    /// <summary>The client's address bounces: later e-mails to it are skipped (SkipReason.EmailBounced) until it is cleared.</summary>
    async Task FlagAddressAsync(long clientId, string address, string reason, CancellationToken ct)
    {
        var now = db.UtcNow;
        var why = reason.Length <= 500 ? reason : reason[..500];
        await db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId && c.EmailBounceAddress != address).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.EmailBounceAddress, address)
            .SetProperty(c => c.EmailBounceReason, why)
            .SetProperty(c => c.EmailBouncedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.UpdatedBy, "mail system (bounce)"), ct);
        log.LogInformation("Bounce mailbox: client {ClientId}'s address bounces ({Reason})", clientId, why);
    }

    async Task RememberAsync(string key, long? communicationId, string outcome, CancellationToken ct)
    {
        db.Add(new BounceMessage { Key = key, ReceivedAt = db.UtcNow, CommunicationId = communicationId, Outcome = outcome });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear(); // another server read it at the same time
        }
    }

    static string UidKey(string uid) => Trim("uid:" + uid);

    /// <summary>The report's own Message-Id, or a hash of its content for one without.</summary>
    static string ReportKey(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
            return Trim("dsn:" + message.MessageId);
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return "dsn:sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    static string Trim(string key) => key.Length <= BounceMessage.KeyMaxLength ? key : key[..BounceMessage.KeyMaxLength];
}

/// <summary>Reads the bounce mailbox every few minutes (Quartz); one run at a time on each server.</summary>
[DisallowConcurrentExecution]
public sealed class BounceMailboxJob(BounceMailbox mailbox, ILogger<BounceMailboxJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await mailbox.ReadAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The mailbox is down or the login is wrong: the next run tries again; nothing was half-recorded.
            log.LogWarning(e, "Bounce mailbox could not be read");
        }
    }
}
