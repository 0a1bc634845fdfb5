using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Settings.Get;

public sealed class GetMessagingSettingsEndpoint(StudioDbContext db) : EndpointWithoutRequest<MessagingSettingsResponse>
{
    public override void Configure()
    {
        Get("/messaging-settings");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("MessagingSettings", "Get", "Get the messaging settings",
            "The SMTP server and sender identity, the SMS provider, the sending rates and the addresses links use. "
            + "Secrets are never returned: hasSmtpPassword and hasTwilioAuthToken say whether they are kept."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetMessagingSettingsAsync(forUpdate: false, ct);
        HttpContext.WriteETag(settings);
        await Send.OkAsync(MessagingSettingsResponse.From(settings), ct);
    }
}
