using FastEndpoints;
using FluentValidation;
using MailKit;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.TestSend;

/// <summary>How a test goes out.</summary>
public enum TestChannel
{
    Email,
    Sms,
}

public sealed class TestSendTemplateRequest
{
    public long Id { get; set; }
    /// <summary>email or sms.</summary>
    public TestChannel Channel { get; set; }
    /// <summary>The e-mail address or phone number to send the test to (yours, not a client's).</summary>
    public string Address { get; set; } = "";
    /// <summary>The client or session to render for; omit for made-up sample data.</summary>
    public long? RecordId { get; set; }
}

public sealed class TestSendTemplateValidator : Validator<TestSendTemplateRequest>
{
    public TestSendTemplateValidator()
    {
        RuleFor(r => r.Channel).IsInEnum();
        RuleFor(r => r.Address).NotEmpty().MaximumLength(Communication.AddressMaxLength);
        RuleFor(r => r.Address).EmailAddress().When(r => r.Channel == TestChannel.Email).WithMessage("Give an e-mail address.");
        RuleFor(r => r.Address).Matches(@"^\+?[0-9 ().-]{7,20}$").When(r => r.Channel == TestChannel.Sms).WithMessage("Give a phone number.");
        RuleFor(r => r.RecordId).GreaterThan(0);
    }
}

public sealed class TestSendResponse
{
    public required TestChannel Channel { get; init; }
    public required string Address { get; init; }
    /// <summary>Whether the mail server or SMS provider took the message.</summary>
    public required bool Delivered { get; init; }
    /// <summary>The e-mail's Message-Id.</summary>
    public string? MessageId { get; init; }
    /// <summary>The server's answer or the provider's message id.</summary>
    public string? ProviderId { get; init; }
    /// <summary>Why it was not delivered (settings missing, the server refused, could not connect).</summary>
    public string? Error { get; init; }
}

public sealed class TestSendTemplateEndpoint(StudioDbContext db, MergeDataReader merge, SecretProtector secrets, IEmailTransport email, ISmsSender sms,
    TimeProvider clock) : Endpoint<TestSendTemplateRequest, TestSendResponse>
{
    public override void Configure()
    {
        Post("/templates/{id}/test-send");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The template could not be rendered, or is an HTML e-mail sent as a text message.")
            .Operation("Templates", "TestSend", "Send a template to yourself as a test",
                "Renders the template (for a record or sample data) and sends it at once to the address given, straight "
                + "through the mail server or SMS provider of the messaging settings, not through the outbox, and answers "
                + "how that went (delivered, or the error): a way to check a template and the settings. Nothing is recorded "
                + "on any client."));
    }

    public override async Task HandleAsync(TestSendTemplateRequest req, CancellationToken ct)
    {
        var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("template", req.Id);
        if (template.IsHtml && req.Channel == TestChannel.Sms)
            throw ApiProblem.RuleBroken($"Template {template.Name} is an HTML e-mail; it cannot be sent as a text message.");
        MergeModel model;
        if (req.RecordId is { } recordId)
            model = await merge.ForAsync(template.RecordType, recordId, ct)
                    ?? throw ValidationProblem("recordId", $"There is no {template.RecordType.ToString().ToLowerInvariant()} {recordId}.");
        else
            model = await merge.SampleAsync(template.RecordType, ct);
        var (subject, body) = TemplateRendering.Render(template, model);
        var settings = await db.GetMessagingSettingsAsync(forUpdate: false, ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(45));
        string? messageId = null;
        try
        {
            string providerId;
            if (req.Channel == TestChannel.Email)
            {
                var server = OutboxChannels.SmtpServerOf(settings, secrets);
                messageId = OutboxChannels.NewMessageId(settings);
                var mime = OutboxChannels.Compose($"[Test] {subject}", body, template.IsHtml ? BodyFormat.Html : BodyFormat.Text, req.Address.Trim(),
                    settings, messageId, unsubscribeUrl: null, clock.GetUtcNow());
                providerId = await email.SendAsync(server, mime, () => { }, timeout.Token);
            }
            else
            {
                if (body.Length > MessageComposer.MaxSmsLength)
                    throw ApiProblem.RuleBroken($"The text message would be {body.Length} characters long; at most {MessageComposer.MaxSmsLength} can be sent.");
                providerId = await sms.SendAsync(OutboxChannels.SmsAccountOf(settings, secrets), PhoneNumbers.ToE164(req.Address), body, statusCallback: null, () => { }, timeout.Token);
            }
            await Send.OkAsync(new TestSendResponse { Channel = req.Channel, Address = req.Address.Trim(), Delivered = true, MessageId = messageId, ProviderId = providerId }, ct);
        }
        catch (Exception e) when (e is PermanentDeliveryException or IOException or System.Net.Sockets.SocketException or ProtocolException
                                      or CommandException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
                                      or System.Net.Http.HttpRequestException or Twilio.Exceptions.TwilioException
                                  || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? "The server did not answer within 45 seconds." : e.Message;
            await Send.OkAsync(new TestSendResponse { Channel = req.Channel, Address = req.Address.Trim(), Delivered = false, MessageId = messageId, Error = error }, ct);
        }
    }

    static ApiProblem ValidationProblem(string field, string reason) => ApiProblem.InvalidInput(field, reason);
}
