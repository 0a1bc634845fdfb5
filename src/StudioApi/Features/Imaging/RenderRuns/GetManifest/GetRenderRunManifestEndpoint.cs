using System.Text.Json;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.RenderRuns.GetManifest;

public sealed class GetRenderRunManifestRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderRunManifestEndpoint(StudioDbContext db, IFileStore store) : Endpoint<GetRenderRunManifestRequest, RenderRunManifest>
{
    public override void Configure()
    {
        Get("/render-runs/{id}/manifest");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The run has not finished, or was cancelled: it has no output.")
            .Operation("RenderRuns", "GetManifest",
                "Get a render run's manifest",
                "Of a finished run: the profile's settings, every file (name, image, bytes, sha256) and every error."));
    }

    public override async Task HandleAsync(GetRenderRunManifestRequest req, CancellationToken ct)
    {
        var run = await db.RenderRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                  ?? throw ApiProblem.NotFound("render run", req.Id);
        var stored = await RenderRunFiles.OpenAsync(store, run, RenderRun.ManifestKeyOf(run.Id), ct);
        await using (stored.Content)
        {
            var manifest = await JsonSerializer.DeserializeAsync<RenderRunManifest>(stored.Content, RenderRunOutput.Json, ct);
            await Send.OkAsync(manifest!, ct);
        }
    }
}
