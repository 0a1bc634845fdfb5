using MimeKit;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Settings;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>The mail server, SMS account and e-mail message the messaging settings make, for the outbox and test sends.</summary>
public static class OutboxChannels
{
    public static SmtpServer SmtpServerOf(MessagingSettings settings, SecretProtector secrets)
    {
        if (settings.SmtpHost is null || settings.SenderEmail is null)
            throw new PermanentDeliveryException("E-mail is not set up: give the SMTP host and the sender's address in the messaging settings.");
        var password = settings.SmtpPasswordProtected is null ? null
            : secrets.Unprotect(settings.SmtpPasswordProtected)
              ?? throw new PermanentDeliveryException("The SMTP password can no longer be read (the signing key changed): enter it again in the messaging settings.");
        return new SmtpServer(settings.SmtpHost, settings.SmtpPort, settings.SmtpTlsMode, settings.SmtpUsername, password);
    }

    public static SmsAccount SmsAccountOf(MessagingSettings settings, SecretProtector secrets)
    {
        if (settings.SmsProvider != SmsProvider.Twilio || settings.TwilioAccountSid is null || settings.TwilioFromNumber is null)
            throw new PermanentDeliveryException("Text messages are not set up: choose Twilio and give its account, auth token and number in the messaging settings.");
        var token = secrets.Unprotect(settings.TwilioAuthTokenProtected)
                    ?? throw new PermanentDeliveryException("The Twilio auth token is missing or can no longer be read: enter it in the messaging settings.");
        return new SmsAccount(settings.TwilioAccountSid, token, settings.TwilioFromNumber, settings.TwilioBaseUrl);
    }

    /// <summary>A new Message-Id in the sender's domain.</summary>
    public static string NewMessageId(MessagingSettings settings)
    {
        var sender = settings.SenderEmail ?? "";
        var domain = sender.Contains('@') ? sender[(sender.LastIndexOf('@') + 1)..] : "studioapi.local";
        return $"{Guid.NewGuid():N}@{domain}";
    }

    /// <summary>The e-mail as it goes out: sender, recipient, reply-to, Message-Id, one-click unsubscribe (RFC 8058), text or HTML.</summary>
    public static MimeMessage Compose(string? subject, string? body, BodyFormat format, string? address, MessagingSettings settings, string messageId,
        string? unsubscribeUrl, DateTimeOffset date)
    {
        var mime = new MimeMessage { MessageId = messageId, Subject = subject ?? "", Date = date };
        try
        {
            mime.From.Add(new MailboxAddress(settings.SenderName, settings.SenderEmail!));
            mime.To.Add(MailboxAddress.Parse(address ?? ""));
            if (settings.ReplyToEmail is { } replyTo)
                mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }
        catch (ParseException e)
        {
            throw new PermanentDeliveryException($"'{address}' is not an e-mail address the server could send to.", e);
        }
        if (unsubscribeUrl is not null)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var builder = new BodyBuilder();
        if (format == BodyFormat.Html)
            builder.HtmlBody = body ?? "";
        else
            builder.TextBody = body ?? "";
        mime.Body = builder.ToMessageBody();
        return mime;
    }
}
