using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.RenderRuns.GetZip;

public sealed class GetRenderRunZipRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderRunZipEndpoint(StudioDbContext db, IFileStore store) : Endpoint<GetRenderRunZipRequest>
{
    public override void Configure()
    {
        Get("/render-runs/{id}/zip");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/zip")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The zip is unchanged since the ETag in If-None-Match.")
            .Answers(StatusCodes.Status409Conflict, "The run has not finished, or was cancelled: it has no output.")
            .Operation("RenderRuns", "GetZip",
                "Download a render run's zip",
                "A finished run's files and manifest.json as one zip; ETag, Last-Modified, Range and 304 supported."));
    }

    public override async Task HandleAsync(GetRenderRunZipRequest req, CancellationToken ct)
    {
        var run = await db.RenderRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                  ?? throw ApiProblem.NotFound("render run", req.Id);
        await Send.ResultAsync(await RenderRunFiles.ZipAsync(HttpContext, store, run, $"render-run-{run.Id}.zip", ct));
    }
}
