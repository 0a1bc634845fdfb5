using FluentValidation;

namespace StudioApi.Features.Messaging.Settings;

/// <summary>The messaging settings a caller sets (a full replace, but for the secrets: see their fields).</summary>
public abstract class MessagingSettingsInput
{
    /// <summary>The address clients reach this API at, for links in messages (http or https, no query), e.g. https://api.studio.example.</summary>
    public string PublicBaseUrl { get; set; } = "";
    /// <summary>The online gallery's address for a session, with {eventCode} and {sessionNumber} filled in; omit for none.</summary>
    public string? OnlineGalleryUrl { get; set; }
    /// <summary>The studio's payment page for an invoice (invoice templates' links.payment), with {invoiceNumber} and {amountDue} (in major units, e.g. 32.48) filled in; omit for none.</summary>
    public string? PaymentPageUrl { get; set; }
    /// <summary>The name e-mails come from, e.g. Lakeside Portraits.</summary>
    public string SenderName { get; set; } = "";
    /// <summary>The address e-mails come from; e-mail cannot be sent without it.</summary>
    public string? SenderEmail { get; set; }
    public string? ReplyToEmail { get; set; }
    /// <summary>The SMTP server; e-mail cannot be sent without it.</summary>
    public string? SmtpHost { get; set; }
    /// <summary>Defaults to 25; 587 for submission with STARTTLS, 465 for TLS on connect.</summary>
    public int SmtpPort { get; set; } = 25;
    /// <summary>none, auto (the default: STARTTLS when offered), startTls (required) or sslOnConnect.</summary>
    public SmtpTlsMode SmtpTlsMode { get; set; } = SmtpTlsMode.Auto;
    /// <summary>Omit for a server that takes mail without signing in.</summary>
    public string? SmtpUsername { get; set; }
    /// <summary>Write-only: omit (or null) to keep the current password, "" to remove it. Never returned (see hasSmtpPassword).</summary>
    public string? SmtpPassword { get; set; }
    /// <summary>none (the default: text messages are not sent) or twilio.</summary>
    public SmsProvider SmsProvider { get; set; }
    public string? TwilioAccountSid { get; set; }
    /// <summary>Write-only: omit (or null) to keep the current token, "" to remove it. Never returned (see hasTwilioAuthToken).</summary>
    public string? TwilioAuthToken { get; set; }
    /// <summary>The number texts come from, E.164 (+12175550100).</summary>
    public string? TwilioFromNumber { get; set; }
    /// <summary>Twilio's API address (default https://api.twilio.com); another for a regional edge or a test server.</summary>
    public string? TwilioBaseUrl { get; set; }
    /// <summary>The POP3 server of the mailbox bounces come back to (read every few minutes; each bounce is removed once recorded); omit to not read bounces.</summary>
    public string? BounceMailboxHost { get; set; }
    /// <summary>Defaults to 995 (POP3 over TLS); 110 for plain POP3 or STARTTLS.</summary>
    public int BounceMailboxPort { get; set; } = 995;
    /// <summary>none, auto, startTls or sslOnConnect (the default), as for SMTP.</summary>
    public SmtpTlsMode BounceMailboxTlsMode { get; set; } = SmtpTlsMode.SslOnConnect;
    public string? BounceMailboxUsername { get; set; }
    /// <summary>Write-only: omit (or null) to keep the current password, "" to remove it. Never returned (see hasBounceMailboxPassword).</summary>
    public string? BounceMailboxPassword { get; set; }
    /// <summary>E-mails a minute this server sends at most (1–100000, default 120).</summary>
    public int EmailsPerMinute { get; set; } = 120;
    /// <summary>Text messages a minute this server sends at most (1–100000, default 60).</summary>
    public int SmsPerMinute { get; set; } = 60;

    public void ApplyTo(MessagingSettings settings, SecretProtector secrets)
    {
        settings.PublicBaseUrl = PublicBaseUrl.Trim().TrimEnd('/');
        settings.OnlineGalleryUrl = Clean(OnlineGalleryUrl);
        settings.PaymentPageUrl = Clean(PaymentPageUrl);
        settings.SenderName = SenderName.Trim();
        settings.SenderEmail = Clean(SenderEmail);
        settings.ReplyToEmail = Clean(ReplyToEmail);
        settings.SmtpHost = Clean(SmtpHost);
        settings.SmtpPort = SmtpPort;
        settings.SmtpTlsMode = SmtpTlsMode;
        settings.SmtpUsername = Clean(SmtpUsername);
        if (SmtpPassword is not null)
            settings.SmtpPasswordProtected = SmtpPassword.Length == 0 ? null : secrets.Protect(SmtpPassword);
        settings.SmsProvider = SmsProvider;
        settings.TwilioAccountSid = Clean(TwilioAccountSid);
        if (TwilioAuthToken is not null)
            settings.TwilioAuthTokenProtected = TwilioAuthToken.Length == 0 ? null : secrets.Protect(TwilioAuthToken);
        settings.TwilioFromNumber = Clean(TwilioFromNumber);
        settings.TwilioBaseUrl = Clean(TwilioBaseUrl)?.TrimEnd('/') ?? MessagingSettings.DefaultTwilioBaseUrl;
        settings.BounceMailboxHost = Clean(BounceMailboxHost);
        settings.BounceMailboxPort = BounceMailboxPort;
        settings.BounceMailboxTlsMode = BounceMailboxTlsMode;
        settings.BounceMailboxUsername = Clean(BounceMailboxUsername);
        if (BounceMailboxPassword is not null)
            settings.BounceMailboxPasswordProtected = BounceMailboxPassword.Length == 0 ? null : secrets.Protect(BounceMailboxPassword);
        settings.EmailsPerMinute = EmailsPerMinute;
        settings.SmsPerMinute = SmsPerMinute;
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class MessagingSettingsInputValidator : AbstractValidator<MessagingSettingsInput>
{
    public const string E164 = @"^\+[1-9][0-9]{6,14}$";

    public MessagingSettingsInputValidator()
    {
        RuleFor(s => s.PublicBaseUrl).NotEmpty().MaximumLength(300).Must(BeHttpAddress)
            .WithMessage("Give the API's public address, http(s)://host[:port][/path], without a query.");
        RuleFor(s => s.OnlineGalleryUrl).MaximumLength(300).Must(u => u is null || BeHttpAddress(u.Replace("{eventCode}", "x").Replace("{sessionNumber}", "1")))
            .WithMessage("Give the gallery's address, http(s)://…, optionally with {eventCode} and {sessionNumber}.");
        RuleFor(s => s.PaymentPageUrl).MaximumLength(300)
            .Must(u => u is null || Uri.TryCreate(u.Replace("{invoiceNumber}", "1").Replace("{amountDue}", "1.00"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("Give the payment page's address, http(s)://…, optionally with {invoiceNumber} and {amountDue}.");
        RuleFor(s => s.SenderName).MaximumLength(100);
        RuleFor(s => s.SenderEmail).MaximumLength(254).EmailAddress();
        RuleFor(s => s.ReplyToEmail).MaximumLength(254).EmailAddress();
        RuleFor(s => s.SmtpHost).MaximumLength(253).Matches("^[A-Za-z0-9.:\\[\\]-]+$").WithMessage("Give a host name or address, without a scheme or port.");
        RuleFor(s => s.SmtpPort).InclusiveBetween(1, 65535);
        RuleFor(s => s.SmtpTlsMode).IsInEnum();
        RuleFor(s => s.SmtpUsername).MaximumLength(254);
        RuleFor(s => s.SmtpPassword).MaximumLength(500);
        RuleFor(s => s.SmsProvider).IsInEnum();
        RuleFor(s => s.TwilioAccountSid).MaximumLength(64).Matches("^AC[0-9a-fA-F]{32}$").WithMessage("A Twilio account SID is AC followed by 32 hex digits.");
        RuleFor(s => s.TwilioAuthToken).MaximumLength(500);
        RuleFor(s => s.TwilioFromNumber).MaximumLength(20).Matches(E164).WithMessage("Give the number in E.164 form, such as +12175550100.");
        RuleFor(s => s.TwilioBaseUrl).MaximumLength(300).Must(u => u is null || BeHttpAddress(u)).WithMessage("Give an http(s) address.");
        RuleFor(s => s.BounceMailboxHost).MaximumLength(253).Matches("^[A-Za-z0-9.:\\[\\]-]+$").WithMessage("Give a host name or address, without a scheme or port.");
        RuleFor(s => s.BounceMailboxPort).InclusiveBetween(1, 65535);
        RuleFor(s => s.BounceMailboxTlsMode).IsInEnum();
        RuleFor(s => s.BounceMailboxUsername).MaximumLength(254);
        RuleFor(s => s.BounceMailboxPassword).MaximumLength(500);
        RuleFor(s => s.EmailsPerMinute).InclusiveBetween(1, 100_000);
        RuleFor(s => s.SmsPerMinute).InclusiveBetween(1, 100_000);
        RuleFor(s => s.TwilioAccountSid).NotEmpty().When(s => s.SmsProvider == SmsProvider.Twilio).WithMessage("Twilio needs the account SID.");
        RuleFor(s => s.TwilioFromNumber).NotEmpty().When(s => s.SmsProvider == SmsProvider.Twilio).WithMessage("Twilio needs the number texts come from.");
    }

    static bool BeHttpAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);
}
