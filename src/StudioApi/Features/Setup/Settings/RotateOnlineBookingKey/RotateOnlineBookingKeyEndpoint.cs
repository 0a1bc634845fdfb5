using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Setup.Settings.RotateOnlineBookingKey;

public sealed class OnlineBookingKeyResponse
{
    /// <summary>The new key: the old one stops working at once.</summary>
    [MaxLength(64)]
    public required string OnlineBookingKey { get; init; }
}

public sealed class RotateOnlineBookingKeyEndpoint(StudioDbContext db) : EndpointWithoutRequest<OnlineBookingKeyResponse>
{
    public override void Configure()
    {
        Post("/settings/online-booking-key/rotate");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Settings", "RotateOnlineBookingKey",
            "Replace the online booking key",
            "With a new random one; the old one stops working at once."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var key = StudioSettings.NewOnlineBookingKey();
        // Not an edit of the settings an administrator may have open: it must not bump the version their If-Match holds.
        await db.StudioSettings.Where(s => s.Id == settings.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnlineBookingKey, key), ct);
        await Send.OkAsync(new OnlineBookingKeyResponse { OnlineBookingKey = key }, ct);
    }
}
