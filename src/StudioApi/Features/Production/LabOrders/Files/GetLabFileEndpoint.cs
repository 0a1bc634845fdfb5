using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Production.LabOrders.Files;

public sealed class GetLabFileRequest
{
    public long RunId { get; set; }
    public long ItemId { get; set; }
    /// <summary>The file's name, as the link names it (for the lab's logs; the signature covers the run and item).</summary>
    public string Name { get; set; } = "";
    /// <summary>Unix time the link stops working, as issued.</summary>
    public long Expires { get; set; }
    /// <summary>The link's signature, as issued.</summary>
    public string? Sig { get; set; }
}

public sealed class GetLabFileValidator : Validator<GetLabFileRequest>
{
    public GetLabFileValidator()
    {
        RuleFor(r => r.Name).MaximumLength(RenderRunLimits.OutputNameLength);
        RuleFor(r => r.Sig).MaximumLength(100);
    }
}

/// <summary>The asset URL a lab fetches (see <see cref="LabFileLinks"/>): no token, the signature is the permission.</summary>
public sealed class GetLabFileEndpoint(StudioDbContext db, LabFileLinks links, IFileStore store) : Endpoint<GetLabFileRequest>
{
    public override void Configure()
    {
        Get("/lab-files/{runId}/{itemId}/{name}");
        AllowAnonymous();
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png", "image/tiff")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The file is unchanged since the ETag in If-None-Match.")
            .Answers(StatusCodes.Status403Forbidden, "The link was not issued by this server, or was altered.")
            .Answers(StatusCodes.Status410Gone, "The link has expired.")
            .Operation("LabOrders", "GetFile", "Download a lab order's file through a signed link",
                "For labs: the rendered file of one ordered line, as linked from a lab order. No token: the link is the permission; "
                + "403 if it was altered, 410 once it has expired."));
    }

    public override async Task HandleAsync(GetLabFileRequest req, CancellationToken ct)
    {
        links.Check(req.RunId, req.ItemId, req.Expires, req.Sig);
        var item = await db.Set<RenderRunItem>().AsNoTracking()
                       .SingleOrDefaultAsync(i => i.Id == req.ItemId && i.RunId == req.RunId && i.State == RenderRunItemState.Done, ct)
                   ?? throw ApiProblem.NotFound("lab file", req.ItemId);
        var stored = await store.OpenReadAsync(RenderRunItem.OutputKeyOf(item.RunId, item.Id, item.OutputName), ct)
                     ?? throw ApiProblem.NotFound("lab file", req.ItemId);
        var type = Path.GetExtension(item.OutputName).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".tif" or ".tiff" => "image/tiff",
            _ => "image/jpeg",
        };
        await Send.ResultAsync(StoredFileResult.For(HttpContext, stored, type, item.Sha256 ?? item.Id.ToString(), TimeSpan.FromHours(1), item.OutputName));
    }
}
