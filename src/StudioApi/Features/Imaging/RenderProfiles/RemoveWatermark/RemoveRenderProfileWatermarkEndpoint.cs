using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.RemoveWatermark;

public sealed class RemoveRenderProfileWatermarkRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class RemoveRenderProfileWatermarkEndpoint(StudioDbContext db) : Endpoint<RemoveRenderProfileWatermarkRequest, RenderProfileResponse>
{
    public override void Configure()
    {
        Delete("/render-profiles/{id}/watermark");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "RemoveWatermark", "Remove a render profile's watermark image"));
    }

    public override async Task HandleAsync(RemoveRenderProfileWatermarkRequest req, CancellationToken ct)
    {
        var profile = await db.RenderProfiles.SingleOrDefaultAsync(p => p.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("render profile", req.Id);
        db.MatchVersion(profile, req.IfMatch);
        if (profile.Watermark.Kind == WatermarkKind.Image)
            throw ApiProblem.RuleBroken("The profile's watermark is this image: set its watermark to none or text first, so its renders do not silently lose it.");

        // One save removes the bytes and clears the description, so neither is left without the other.
        if (await db.RenderProfileWatermarkImages.SingleOrDefaultAsync(w => w.RenderProfileId == profile.Id, ct) is { } stored)
            db.RenderProfileWatermarkImages.Remove(stored);
        profile.Watermark = new RenderWatermark
        {
            Kind = profile.Watermark.Kind,
            Text = profile.Watermark.Text,
            Opacity = profile.Watermark.Opacity,
            Position = profile.Watermark.Position,
            Size = profile.Watermark.Size,
        };
        db.Entry(profile).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(profile);
        await Send.OkAsync(RenderProfileResponse.From(profile), ct);
    }
}
