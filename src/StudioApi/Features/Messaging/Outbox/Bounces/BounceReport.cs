using MimeKit;

namespace StudioApi.Features.Messaging.Outbox.Bounces;

/// <summary>One recipient's part of a delivery status notification (RFC 3464 §2.3).</summary>
public sealed record BounceRecipient(string? Address, string Action, string? Status, string? Diagnostic)
{
    /// <summary>A permanent failure (5.x.x): the address does not work, unlike a full mailbox or a server down (4.x.x).</summary>
    public bool IsHard => Action == "failed" && Status?.StartsWith('5') == true;
}

/// <summary>
/// A delivery status notification (RFC 3464) as far as the outbox needs it: which of our e-mails it is about (the
/// envelope id it was sent with, or the Message-Id in the returned headers or message) and what became of it.
/// MimeKit parses the report (multipart/report; report-type=delivery-status, with a message/delivery-status part).
/// </summary>
public sealed record BounceReport(string? EnvelopeId, string? OriginalMessageId, IReadOnlyList<BounceRecipient> Recipients)
{
    /// <summary>The report in <paramref name="message"/>, or null when it is not a delivery status notification.</summary>
    public static BounceReport? Read(MimeMessage message)
    {
        var report = Find<MultipartReport>(message.Body);
        if (report is null || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return null;
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null || status.StatusGroups.Count == 0)
            return null;
        var envelopeId = Clean(status.StatusGroups[0]["Original-Envelope-Id"]);
        var recipients = status.StatusGroups.Skip(1).Select(fields => new BounceRecipient(
            AddressOf(fields["Final-Recipient"] ?? fields["Original-Recipient"]),
            (Clean(fields["Action"]) ?? "").ToLowerInvariant(),
            Clean(fields["Status"])?.Split(' ', 2)[0],
            Clean(fields["Diagnostic-Code"]))).ToList();
        return new BounceReport(envelopeId, OriginalMessageIdOf(report), recipients);
    }

    /// <summary>The Message-Id of the returned message or its headers (message/rfc822, text/rfc822-headers).</summary>
    static string? OriginalMessageIdOf(MultipartReport report)
    {
        foreach (var part in report.Skip(1))
        {
            if (part is MessagePart { Message: { } original } && !string.IsNullOrEmpty(original.MessageId))
                return original.MessageId;
            if (part is MimePart mime && mime.ContentType.IsMimeType("text", "rfc822-headers") && mime.Content is { } content)
            {
                using var stream = content.Open();
                var headers = HeaderList.Load(stream);
                if (headers["Message-Id"] is { } id && MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() is { } parsed)
                    return parsed;
            }
        }
        return null;
    }

    static T? Find<T>(MimeEntity? entity) where T : MimeEntity => entity switch
    {
        T found => found,
        Multipart multipart => multipart.Select(Find<T>).FirstOrDefault(f => f is not null),
        _ => null,
    };

    /// <summary>rfc822;someone@example.com → someone@example.com.</summary>
    static string? AddressOf(string? field) => Clean(field) is { } value ? Clean(value[(value.IndexOf(';') + 1)..]) : null;

    static string? Clean(string? value)
    {
        // Folded fields (a long Diagnostic-Code) come with their line breaks.
        var text = value is null ? null : string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
