using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Settings;

/// <summary>How the server talks to the mail server: no TLS, STARTTLS when offered or required, or TLS from the first byte.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a local relay or a test server only).</summary>
    None,
    /// <summary>STARTTLS if the server offers it, plain otherwise (MailKit's Auto for a port that is not 465).</summary>
    Auto,
    /// <summary>STARTTLS, refusing to go on without it (submission port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Who carries text messages.</summary>
public enum SmsProvider
{
    /// <summary>SMS is off: text messages are failed with the reason.</summary>
    None,
    Twilio,
}

/// <summary>
/// How the studio's messages leave the building: the SMTP server and the sender identity for e-mail, the SMS provider,
/// sending rates, and the addresses that links in messages use. Secrets (the SMTP password, the Twilio auth token) are
/// kept encrypted (<see cref="SecretProtector"/>) and never returned by the API. A single record, made at first start.
/// </summary>
public sealed class MessagingSettings : AuditedRecord
{
    /// <summary>The address clients reach this API at, for the links in messages (unsubscribe, confirm), e.g. https://api.studio.example.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>The online gallery's address for a session: {eventCode} and {sessionNumber} are filled in; empty for none.</summary>
    public string? OnlineGalleryUrl { get; set; }
    /// <summary>The studio's payment page for an invoice: {invoiceNumber} and {amountDue} are filled in; empty for none.</summary>
    public string? PaymentPageUrl { get; set; }

    public string SenderName { get; set; } = "";
    public string? SenderEmail { get; set; }
    public string? ReplyToEmail { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SmtpTlsMode SmtpTlsMode { get; set; } = SmtpTlsMode.Auto;
    public string? SmtpUsername { get; set; }
    /// <summary>Encrypted with <see cref="SecretProtector"/>; null when none.</summary>
    public string? SmtpPasswordProtected { get; set; }

    public SmsProvider SmsProvider { get; set; }
    public string? TwilioAccountSid { get; set; }
    /// <summary>Encrypted with <see cref="SecretProtector"/>; null when none.</summary>
    public string? TwilioAuthTokenProtected { get; set; }
    /// <summary>The number texts come from (E.164, e.g. +12175550100).</summary>
    public string? TwilioFromNumber { get; set; }
    /// <summary>Twilio's API address; another for a regional edge or a local test server.</summary>
    public string TwilioBaseUrl { get; set; } = DefaultTwilioBaseUrl;

    /// <summary>
    /// The POP3 mailbox bounces come back to (the sender's, or one they are forwarded to): the outbox reads it every few
    /// minutes for delivery status notifications. None: bounces are not read.
    /// </summary>
    public string? BounceMailboxHost { get; set; }
    public int BounceMailboxPort { get; set; } = 995;
    public SmtpTlsMode BounceMailboxTlsMode { get; set; } = SmtpTlsMode.SslOnConnect;
    public string? BounceMailboxUsername { get; set; }
    /// <summary>Encrypted with <see cref="SecretProtector"/>; null when none.</summary>
    public string? BounceMailboxPasswordProtected { get; set; }

    /// <summary>At most this many e-mails a minute leave this server (a mail provider's limit, or being a good neighbour).</summary>
    public int EmailsPerMinute { get; set; } = 120;
    public int SmsPerMinute { get; set; } = 60;

    public const string DefaultTwilioBaseUrl = "https://api.twilio.com";
}

public sealed class MessagingSettingsConfiguration : IEntityTypeConfiguration<MessagingSettings>
{
    public void Configure(EntityTypeBuilder<MessagingSettings> builder)
    {
        builder.ToTable("MessagingSettings");
        builder.Property(s => s.PublicBaseUrl).HasMaxLength(300);
        builder.Property(s => s.OnlineGalleryUrl).HasMaxLength(300);
        builder.Property(s => s.PaymentPageUrl).HasMaxLength(300);
        builder.Property(s => s.SenderName).HasMaxLength(100);
        builder.Property(s => s.SenderEmail).HasMaxLength(254);
        builder.Property(s => s.ReplyToEmail).HasMaxLength(254);
        builder.Property(s => s.SmtpHost).HasMaxLength(253);
        builder.Property(s => s.SmtpTlsMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SmtpUsername).HasMaxLength(254);
        builder.Property(s => s.SmtpPasswordProtected).HasMaxLength(1000);
        builder.Property(s => s.SmsProvider).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TwilioAccountSid).HasMaxLength(64);
        builder.Property(s => s.TwilioAuthTokenProtected).HasMaxLength(1000);
        builder.Property(s => s.TwilioFromNumber).HasMaxLength(20);
        builder.Property(s => s.TwilioBaseUrl).HasMaxLength(300);
        builder.Property(s => s.BounceMailboxHost).HasMaxLength(253);
        builder.Property(s => s.BounceMailboxTlsMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.BounceMailboxUsername).HasMaxLength(254);
        builder.Property(s => s.BounceMailboxPasswordProtected).HasMaxLength(1000);
    }
}

public static class MessagingSettingsQuery
{
    /// <summary>The messaging settings: the one row made at first start (the oldest, should a second ever appear).</summary>
    public static async Task<MessagingSettings> GetMessagingSettingsAsync(this StudioDbContext db, bool forUpdate, CancellationToken ct)
    {
        var query = forUpdate ? db.Set<MessagingSettings>() : db.Set<MessagingSettings>().AsNoTracking();
        return await query.OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
               ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                   "The messaging settings do not exist yet: they are created when the API starts on its database.");
    }
}
