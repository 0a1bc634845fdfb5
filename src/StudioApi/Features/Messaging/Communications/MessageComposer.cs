using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Communications;

/// <summary>
/// Makes outbound messages ready for the outbox, the one way every message is made (by hand, by a trigger, by the
/// wizard): the body rendered from its template for the record (and kept), the address fixed from the client's
/// details, and the client's wishes honoured: a message to a client who opted out, unsubscribed or has no address is
/// kept as skipped, with the reason, rather than sent or thrown away.
/// </summary>
public sealed class MessageComposer(StudioDbContext db, MergeDataReader merge)
{
    /// <summary>Twilio's limit on a message body (it splits longer ones into up to ten segments).</summary>
    public const int MaxSmsLength = 1600;

    /// <summary>Renders <paramref name="template"/> into the message for its record: the invoice or session for templates written for one, else the client.</summary>
    public async Task RenderAsync(Communication message, MessageTemplate template, CancellationToken ct)
    {
        var model = template.RecordType switch
        {
            MergeRecordType.Session => await merge.ForSessionAsync(message.SessionId ?? throw new InvalidOperationException("A session template needs the message's session."), ct),
            MergeRecordType.Invoice => await merge.ForInvoiceAsync(message.InvoiceId ?? throw new InvalidOperationException("An invoice template needs the message's invoice."), ct),
            _ => await merge.ForClientAsync(message.ClientId, ct),
        };
        if (model is null)
            throw ApiProblem.RuleBroken("The message's client, session or invoice no longer exists.");
        var (subject, body) = TemplateRendering.Render(template, model);
        message.TemplateId = template.Id;
        message.Subject = message.Kind == CommunicationKind.Email || message.Kind == CommunicationKind.Letter ? subject : null;
        message.Body = body;
        message.BodyFormat = template.IsHtml ? BodyFormat.Html : BodyFormat.Text;
        if (message.Kind == CommunicationKind.Sms && body.Length > MaxSmsLength)
            throw ApiProblem.RuleBroken($"The text message would be {body.Length} characters long; at most {MaxSmsLength} can be sent.");
    }

    /// <summary>
    /// Queues a message (or keeps it skipped): the address is the one given, else the client's primary e-mail, text
    /// phone or postal address; the client's opt-outs are checked now and again when it is sent.
    /// </summary>
    public async Task QueueAsync(Communication message, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ClientId, ct);
        var now = db.UtcNow;
        message.QueuedAt = now;
        if (client is null)
        {
            Skip(message, SkipReason.ClientDeleted);
            return;
        }
        message.Address ??= AddressOf(client, message.Kind);
        if (WhyNot(client, message) is { } reason)
            Skip(message, reason);
        else
            message.State = DeliveryState.Queued;
    }

    /// <summary>Why the client may not get this message now, or null when it may go.</summary>
    public static SkipReason? WhyNot(Client client, Communication message) => message.Kind switch
    {
        CommunicationKind.Email when client.Unsubscribed => SkipReason.Unsubscribed,
        CommunicationKind.Email when client.EmailOptOut => SkipReason.EmailOptOut,
        CommunicationKind.Email when string.IsNullOrWhiteSpace(message.Address) => SkipReason.NoEmailAddress,
        CommunicationKind.Email when string.Equals(client.EmailBounceAddress, message.Address, StringComparison.OrdinalIgnoreCase) => SkipReason.EmailBounced,
        CommunicationKind.Sms when client.SmsOptOut => SkipReason.SmsOptOut,
        CommunicationKind.Sms when string.IsNullOrWhiteSpace(message.Address) => SkipReason.NoSmsPhone,
        CommunicationKind.Letter when string.IsNullOrWhiteSpace(message.Address) => SkipReason.NoPostalAddress,
        _ => null,
    };

    /// <summary>Where a message of <paramref name="kind"/> to the client goes: primary e-mail, a text-capable phone (primary first), postal address.</summary>
    public static string? AddressOf(Client client, CommunicationKind kind) => kind switch
    {
        CommunicationKind.Email => client.Emails.OrderByDescending(e => e.IsPrimary).FirstOrDefault()?.Address,
        CommunicationKind.Sms => client.Phones.Where(p => p.SmsCapable).OrderByDescending(p => p.IsPrimary).FirstOrDefault()?.Number,
        CommunicationKind.Letter => client.Addresses.OrderByDescending(a => a.IsPrimary).FirstOrDefault() is { } a
            ? Trim(string.Join('\n', new[] { ClientResponse.DisplayNameOf(client), MergeDataReader.Block(a.Address) }.Where(l => !string.IsNullOrWhiteSpace(l))))
            : null,
        _ => null,
    };

    static string Trim(string text) => text.Length <= Communication.AddressMaxLength ? text : text[..Communication.AddressMaxLength];

    static void Skip(Communication message, SkipReason reason)
    {
        message.State = DeliveryState.Skipped;
        message.SkipReason = reason;
    }
}
