using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.Restore;

public sealed class RestoreRenderProfileRequest
{
    public long Id { get; set; }
}

public sealed class RestoreRenderProfileEndpoint(StudioDbContext db) : Endpoint<RestoreRenderProfileRequest, RenderProfileResponse>
{
    public override void Configure()
    {
        Post("/render-profiles/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "Restore", "Bring a render profile back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreRenderProfileRequest req, CancellationToken ct)
    {
        var profile = await db.RenderProfiles.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(o => o.Id == req.Id && o.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted render profile", req.Id);
        db.Restore(profile);
        await db.SaveOrConflictAsync("RenderProfiles", "Name",
            $"Another render profile is now named {profile.Name}; rename it first.", ct);

        HttpContext.WriteETag(profile);
        await Send.OkAsync(RenderProfileResponse.From(profile), ct);
    }
}
