using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Setup.Settings.Get;

public sealed class GetStudioSettingsEndpoint(StudioDbContext db) : EndpointWithoutRequest<StudioSettingsResponse>
{
    public override void Configure()
    {
        Get("/settings");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Settings", "Get", "Get the studio settings"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        HttpContext.WriteETag(settings);
        await Send.OkAsync(StudioSettingsResponse.From(settings), ct);
    }
}
