using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.Update;

public sealed class UpdateRenderProfileRequest : RenderProfileInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateRenderProfileValidator : Validator<UpdateRenderProfileRequest>
{
    public UpdateRenderProfileValidator() => Include(new RenderProfileInputValidator());
}

public sealed class UpdateRenderProfileEndpoint(StudioDbContext db) : Endpoint<UpdateRenderProfileRequest, RenderProfileResponse>
{
    public override void Configure()
    {
        Put("/render-profiles/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "Update", "Replace a render profile's fields"));
    }

    public override async Task HandleAsync(UpdateRenderProfileRequest req, CancellationToken ct)
    {
        var profile = await db.RenderProfiles.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render profile", req.Id);
        db.MatchVersion(profile, req.IfMatch);
        req.ApplyTo(profile);
        await db.SaveOrConflictAsync("RenderProfiles", "Name",
            $"A render profile named {profile.Name} already exists.", ct);

        HttpContext.WriteETag(profile);
        await Send.OkAsync(RenderProfileResponse.From(profile), ct);
    }
}
