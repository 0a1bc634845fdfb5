using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.Delete;

public sealed class DeleteRenderProfileRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteRenderProfileEndpoint(StudioDbContext db) : Endpoint<DeleteRenderProfileRequest>
{
    public override void Configure()
    {
        Delete("/render-profiles/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "Delete", "Move a render profile to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteRenderProfileRequest req, CancellationToken ct)
    {
        var profile = await db.RenderProfiles.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render profile", req.Id);
        db.MatchVersion(profile, req.IfMatch);
        db.SoftDelete(profile);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
