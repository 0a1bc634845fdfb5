using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Schools.Partner.GetYearbookPackageZip;

public sealed class PartnerGetYearbookPackageZipRequest
{
    public long Id { get; set; }
}

public sealed class PartnerGetYearbookPackageZipEndpoint(PartnerAccess access, IFileStore store) : Endpoint<PartnerGetYearbookPackageZipRequest>
{
    public override void Configure()
    {
        Get("/partner/yearbook-packages/{id}/zip");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/zip")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The zip is unchanged since the ETag in If-None-Match.")
            .Answers(StatusCodes.Status409Conflict, "The package has not finished, or was cancelled: it has no zip yet.")
            .Operation("Partner", "GetYearbookPackageZip", "Download a yearbook package",
                "Scope yearbook:read. The PSPA volume as one zip (INDEX.TXT, COPYRIGHT.TXT, README.TXT, the portrait folders, and "
                + "manifest.json listing the students without a portrait); ETag, Last-Modified, Range and 304 supported. A "
                + "package of another organization is not found (404)."));
    }

    public override async Task HandleAsync(PartnerGetYearbookPackageZipRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.YearbookRead);
        var run = await access.YearbookPackages().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                  ?? throw ApiProblem.NotFound("yearbook package", req.Id);
        await Send.ResultAsync(await RenderRunFiles.ZipAsync(HttpContext, store, run, $"{run.Package!.VolumeName}.zip", ct));
    }
}
