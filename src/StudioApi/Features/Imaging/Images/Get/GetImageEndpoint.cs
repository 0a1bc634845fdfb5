using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Get;

public sealed class GetImageRequest
{
    public long Id { get; set; }
}

public sealed class GetImageEndpoint(StudioDbContext db) : Endpoint<GetImageRequest, SessionImageResponse>
{
    public override void Configure()
    {
        Get("/images/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Images", "Get", "Get an image",
            "Its file facts, EXIF, rendition state and proofing."));
    }

    public override async Task HandleAsync(GetImageRequest req, CancellationToken ct)
    {
        var image = await db.SessionImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("image", req.Id);
        HttpContext.WriteETag(image);
        await Send.OkAsync(SessionImageResponse.From(image), ct);
    }
}
