using System.IO.Compression;
using System.Text.Json;
using FastEndpoints;
using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Production.LabOrders.Package;

public sealed class GetLabOrderPackageRequest
{
    public long Id { get; set; }
}

/// <summary>
/// The hot-folder package of a lab without an API: a zip of order.json (the lab order document) and every line's
/// rendered file under files/, named as in the document, which the studio (or a sync tool) drops into the lab's hot folder.
/// </summary>
public sealed class GetLabOrderPackageEndpoint(StudioDbContext db, LabOrderDocuments documents, IFileStore store, IOptions<LabOrderOptions> options)
    : Endpoint<GetLabOrderPackageRequest>
{
    public override void Configure()
    {
        Get("/production-orders/{id}/lab-order/package");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/zip")
            .Answers(StatusCodes.Status409Conflict, "The order has no vendor, or has not been rendered yet (POST /render-runs with its productionOrderId).")
            .Operation("LabOrders", "GetPackage", "Download a production order's hot-folder package",
                "A zip of order.json (the lab order document) and each line's rendered file under files/, for a lab whose hot folder "
                + "takes orders (submissionMethod hotFolderZip; any vendor's order can be packaged). 409 until the order has a finished render run."));
    }

    public override async Task HandleAsync(GetLabOrderPackageRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        var document = await documents.BuildAsync(order, options.Value.BaseUrlFor(HttpContext.Request), ct);
        var (run, items) = await documents.RenderedAsync(order.Id, ct);
        if (run is null)
            throw ApiProblem.Conflict("The production order has not been rendered yet: POST /render-runs with its productionOrderId first.");

        // The store's temporary file (on its volume, and one a crash leaves is cleaned up by the storage reconciler).
        using var temp = store.CreateTempFile("lab-package");
        await using (var zip = new ZipArchive(File.Create(temp.Path), ZipArchiveMode.Create, leaveOpen: false))
        {
            var orderEntry = zip.CreateEntry("order.json", CompressionLevel.Optimal);
            await using (var target = await orderEntry.OpenAsync(ct))
                await JsonSerializer.SerializeAsync(target, document, RenderRunOutput.Json, ct);
            var named = document.Items.Select(i => i.Image?.File?.Name).Where(n => n is not null).ToHashSet();
            foreach (var item in items.Where(i => named.Contains(i.OutputName)))
            {
                var stored = await store.OpenReadAsync(RenderRunItem.OutputKeyOf(run.Id, item.Id, item.OutputName), ct)
                             ?? throw ApiProblem.Conflict($"The rendered file {item.OutputName} is missing from the file store: render the order again.");
                await using (stored.Content)
                {
                    // Rendered images are compressed already.
                    await using var target = await zip.CreateEntry($"files/{item.OutputName}", CompressionLevel.NoCompression).OpenAsync(ct);
                    await stored.Content.CopyToAsync(target, ct);
                }
            }
        }
        await using var content = new FileStream(temp.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await Send.StreamAsync(content, $"{document.Reference}.zip", content.Length, "application/zip", cancellation: ct);
    }
}
