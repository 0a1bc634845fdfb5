using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Settings.Update;

public sealed class UpdateMessagingSettingsRequest : MessagingSettingsInput
{
    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateMessagingSettingsValidator : Validator<UpdateMessagingSettingsRequest>
{
    public UpdateMessagingSettingsValidator() => Include(new MessagingSettingsInputValidator());
}

public sealed class UpdateMessagingSettingsEndpoint(StudioDbContext db, SecretProtector secrets) : Endpoint<UpdateMessagingSettingsRequest, MessagingSettingsResponse>
{
    public override void Configure()
    {
        Put("/messaging-settings");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("MessagingSettings", "Update", "Replace the messaging settings",
            "The SMTP password and the Twilio auth token are write-only: leave them out to keep them, send \"\" to remove "
            + "them. They are kept encrypted. Messages already queued are sent with the settings of the moment they go out."));
    }

    public override async Task HandleAsync(UpdateMessagingSettingsRequest req, CancellationToken ct)
    {
        var settings = await db.GetMessagingSettingsAsync(forUpdate: true, ct);
        db.MatchVersion(settings, req.IfMatch);
        req.ApplyTo(settings, secrets);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(settings);
        await Send.OkAsync(MessagingSettingsResponse.From(settings), ct);
    }
}
