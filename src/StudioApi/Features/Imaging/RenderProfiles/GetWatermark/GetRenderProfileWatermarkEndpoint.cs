using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderProfiles.SetWatermark;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.GetWatermark;

public sealed class GetRenderProfileWatermarkRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderProfileWatermarkEndpoint(StudioDbContext db) : Endpoint<GetRenderProfileWatermarkRequest>
{
    public override void Configure()
    {
        Get("/render-profiles/{id}/watermark");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderProfiles", "GetWatermark", "Download a render profile's watermark image",
            "The PNG (image/png).")
            .Produces<Stream>(StatusCodes.Status200OK, SetRenderProfileWatermarkEndpoint.ContentType));
    }

    public override async Task HandleAsync(GetRenderProfileWatermarkRequest req, CancellationToken ct)
    {
        if (!await db.RenderProfiles.AnyAsync(p => p.Id == req.Id, ct))
            throw ApiProblem.NotFound("render profile", req.Id);
        var png = await db.RenderProfileWatermarkImages.AsNoTracking()
                      .Where(w => w.RenderProfileId == req.Id).Select(w => w.Png).SingleOrDefaultAsync(ct)
                  ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found", $"Render profile {req.Id} has no watermark image.");
        await Send.BytesAsync(png, contentType: SetRenderProfileWatermarkEndpoint.ContentType, cancellation: ct);
    }
}
