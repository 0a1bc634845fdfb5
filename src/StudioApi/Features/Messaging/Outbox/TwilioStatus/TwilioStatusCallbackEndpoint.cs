using System.Globalization;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using Twilio.Security;

namespace StudioApi.Features.Messaging.Outbox.TwilioStatus;

public sealed class TwilioStatusCallbackRequest
{
    /// <summary>The text message (communication) the callback is about, as the outbox put it in the StatusCallback URL.</summary>
    public long Id { get; set; }
}

/// <summary>
/// Twilio's status callback for a text message the outbox sent (its StatusCallback URL names the message): a
/// form-encoded post with MessageSid, MessageStatus (queued, sent, delivered, undelivered, failed) and, for a failure,
/// ErrorCode. Twilio signs it (X-Twilio-Signature: HMAC-SHA1 with the account's auth token over the URL it was given
/// followed by the posted fields sorted by name); the signature is the permission, so a forged or altered callback is a
/// 403 that changes nothing. The URL checked is the one the outbox gave Twilio (the messaging settings' public base URL),
/// not the request's own, which a proxy in front of the API may have rewritten. The final statuses are recorded once
/// (see <see cref="DeliveryReports"/>); queued and sent say nothing new and are acknowledged.
/// </summary>
public sealed class TwilioStatusCallbackEndpoint(StudioDbContext db, SecretProtector secrets, DeliveryReports reports) : Endpoint<TwilioStatusCallbackRequest>
{
    public const string Route = "/public/twilio/messages/{id}/status";
    const string FormType = "application/x-www-form-urlencoded";
    const int MaxBytes = 16 * 1024;

    /// <summary>Where Twilio is to report on message <paramref name="communicationId"/>: under the API's public address, as the links in messages are.</summary>
    public static string UrlFor(string publicBaseUrl, long communicationId) =>
        $"{publicBaseUrl.TrimEnd('/')}/api/v1{Route.Replace("{id}", communicationId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}";

    public override void Configure()
    {
        Post(Route);
        AllowAnonymous();
        Description(d => d
            .AcceptsProviderFormBody(MaxBytes,
                ("MessageSid", true, "Twilio's id of the message (SM…)."),
                ("MessageStatus", true, "queued, sending, sent, delivered, undelivered, failed (or read, for some channels)."),
                ("AccountSid", false, "The Twilio account, the messaging settings' one."),
                ("ErrorCode", false, "Twilio's error code for undelivered and failed (30003…)."))
            .Answers(StatusCodes.Status204NoContent, "Taken (or known already: each final status is recorded once).")
            .Answers(StatusCodes.Status400BadRequest, "The form lacks MessageSid or MessageStatus, or repeats a field.")
            .Answers(StatusCodes.Status403Forbidden, "The X-Twilio-Signature does not verify (forged or altered), or text messages are not set up.")
            .Answers(StatusCodes.Status404NotFound, "No text message has this id.")
            .Answers(StatusCodes.Status409Conflict, "The message Twilio reports on is not the one the outbox sent as this message.")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The form is larger than any status callback.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not a form.")
            .Operation("Communications", "TwilioStatusCallback", "Receive Twilio's status callback for a text message",
                "Called by Twilio, not by front ends: the outbox gives Twilio this URL with each text message. No token: the "
                + "X-Twilio-Signature (HMAC-SHA1 with the account's auth token) is the permission, 403 when it does not verify. "
                + "delivered marks the message delivered; undelivered and failed mark it bounced with Twilio's error code, "
                + "shown on the message and in its attempts. A final status is never replaced by a later or repeated callback."));
    }

    public override async Task HandleAsync(TwilioStatusCallbackRequest req, CancellationToken ct)
    {
        var request = HttpContext.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), FormType, StringComparison.OrdinalIgnoreCase))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"A status callback is a form ({FormType}).");
        if (request.ContentLength > MaxBytes)
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A status callback is at most {MaxBytes} bytes.");
        var form = await request.ReadFormAsync(ct);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
                throw ApiProblem.InvalidInput(name, $"{name} was sent more than once.");
            fields[name] = values.ToString();
        }

        var settings = await db.GetMessagingSettingsAsync(forUpdate: false, ct);
        var token = settings.SmsProvider == SmsProvider.Twilio ? secrets.Unprotect(settings.TwilioAuthTokenProtected) : null;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        // Checked before anything else is said about the message: only Twilio learns whether it exists.
        if (token is null || signature.Length == 0
            || !new RequestValidator(token).Validate(UrlFor(settings.PublicBaseUrl, req.Id), fields, signature)
            || (fields.TryGetValue("AccountSid", out var account) && account != settings.TwilioAccountSid))
            throw ApiProblem.Forbidden("The X-Twilio-Signature does not verify for this URL and form (forged or altered), or text messages are not set up with Twilio.");

        if (!fields.TryGetValue("MessageSid", out var sid) || sid.Length == 0)
            throw ApiProblem.InvalidInput("MessageSid", "The callback names no message.");
        if (!fields.TryGetValue("MessageStatus", out var status) || status.Length == 0)
            throw ApiProblem.InvalidInput("MessageStatus", "The callback gives no status.");
        var message = await db.Communications.IgnoreQueryFilters().AsNoTracking()
                          .Where(c => c.Id == req.Id && c.Kind == CommunicationKind.Sms)
                          .Select(c => new { c.ProviderId })
                          .SingleOrDefaultAsync(ct)
                      ?? throw ApiProblem.NotFound("text message", req.Id);
        if (message.ProviderId is not null && message.ProviderId != sid)
            throw ApiProblem.Conflict($"Text message {req.Id} went out as {message.ProviderId}, not {sid}.");

        fields.TryGetValue("ErrorCode", out var errorCode);
        var code = string.IsNullOrWhiteSpace(errorCode) ? null : errorCode.Trim();
        var why = code is null ? "" : $" (error {code}, https://www.twilio.com/docs/api/errors/{Uri.EscapeDataString(code)})";
        var report = status switch
        {
            "delivered" => new DeliveryReport(true, null, $"Twilio reported {sid} delivered."),
            "undelivered" or "failed" => new DeliveryReport(false, code, $"Twilio reported the text message {status}{why}."),
            _ => null, // queued, sending, sent, read…: nothing a person needs, and never a step back from a final status
        };
        if (report is not null)
            await reports.RecordAsync(req.Id, CommunicationKind.Sms, sid, report, ct);
        await Send.NoContentAsync(ct);
    }
}
