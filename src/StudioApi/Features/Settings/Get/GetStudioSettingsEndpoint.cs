using FastEndpoints;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Persistence;

namespace StudioApi.Features.Settings.Get;

public sealed class GetStudioSettingsEndpoint(StudioDbContext db) : EndpointWithoutRequest<StudioSettingsResponse>
{
    public override void Configure()
    {
        Get("/settings");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Settings", "Get", "Get the studio settings"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        HttpContext.WriteETag(settings);
        await Send.OkAsync(StudioSettingsResponse.From(settings), ct);
    }
}
