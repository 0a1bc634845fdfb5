using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Settings;

public sealed class MessagingSettingsResponse : RecordResponse
{
    public required string PublicBaseUrl { get; init; }
    public string? OnlineGalleryUrl { get; init; }
    public string? PaymentPageUrl { get; init; }
    public required string SenderName { get; init; }
    public string? SenderEmail { get; init; }
    public string? ReplyToEmail { get; init; }
    public string? SmtpHost { get; init; }
    public required int SmtpPort { get; init; }
    public required SmtpTlsMode SmtpTlsMode { get; init; }
    public string? SmtpUsername { get; init; }
    /// <summary>Whether an SMTP password is kept (it is never shown).</summary>
    public required bool HasSmtpPassword { get; init; }
    public required SmsProvider SmsProvider { get; init; }
    public string? TwilioAccountSid { get; init; }
    /// <summary>Whether a Twilio auth token is kept (it is never shown).</summary>
    public required bool HasTwilioAuthToken { get; init; }
    public string? TwilioFromNumber { get; init; }
    public required string TwilioBaseUrl { get; init; }
    public string? BounceMailboxHost { get; init; }
    public required int BounceMailboxPort { get; init; }
    public required SmtpTlsMode BounceMailboxTlsMode { get; init; }
    public string? BounceMailboxUsername { get; init; }
    /// <summary>Whether a bounce mailbox password is kept (it is never shown).</summary>
    public required bool HasBounceMailboxPassword { get; init; }
    public required int EmailsPerMinute { get; init; }
    public required int SmsPerMinute { get; init; }

    public static MessagingSettingsResponse From(MessagingSettings s) => new MessagingSettingsResponse
    {
        PublicBaseUrl = s.PublicBaseUrl,
        OnlineGalleryUrl = s.OnlineGalleryUrl,
        PaymentPageUrl = s.PaymentPageUrl,
        SenderName = s.SenderName,
        SenderEmail = s.SenderEmail,
        ReplyToEmail = s.ReplyToEmail,
        SmtpHost = s.SmtpHost,
        SmtpPort = s.SmtpPort,
        SmtpTlsMode = s.SmtpTlsMode,
        SmtpUsername = s.SmtpUsername,
        HasSmtpPassword = s.SmtpPasswordProtected is not null,
        SmsProvider = s.SmsProvider,
        TwilioAccountSid = s.TwilioAccountSid,
        HasTwilioAuthToken = s.TwilioAuthTokenProtected is not null,
        TwilioFromNumber = s.TwilioFromNumber,
        TwilioBaseUrl = s.TwilioBaseUrl,
        BounceMailboxHost = s.BounceMailboxHost,
        BounceMailboxPort = s.BounceMailboxPort,
        BounceMailboxTlsMode = s.BounceMailboxTlsMode,
        BounceMailboxUsername = s.BounceMailboxUsername,
        HasBounceMailboxPassword = s.BounceMailboxPasswordProtected is not null,
        EmailsPerMinute = s.EmailsPerMinute,
        SmsPerMinute = s.SmsPerMinute,
    }.WithAudit(s);
}
