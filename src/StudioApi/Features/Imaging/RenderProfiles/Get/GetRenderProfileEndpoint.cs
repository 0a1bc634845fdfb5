using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.Get;

public sealed class GetRenderProfileRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderProfileEndpoint(StudioDbContext db) : Endpoint<GetRenderProfileRequest, RenderProfileResponse>
{
    public override void Configure()
    {
        Get("/render-profiles/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderProfiles", "Get", "Get a render profile"));
    }

    public override async Task HandleAsync(GetRenderProfileRequest req, CancellationToken ct)
    {
        var profile = await db.RenderProfiles.AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render profile", req.Id);
        HttpContext.WriteETag(profile);
        await Send.OkAsync(RenderProfileResponse.From(profile), ct);
    }
}
