using System.Text.Json;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;
using StudioApi.Storage;

namespace StudioApi.Features.RenderRuns.GetManifest;

public sealed class GetRenderRunManifestRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderRunManifestEndpoint(StudioDbContext db, IFileStore store) : Endpoint<GetRenderRunManifestRequest, RenderRunManifest>
{
    public override void Configure()
    {
        Get("/render-runs/{id}/manifest");
        Roles(Auth.Roles.AnyStaff);
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
