using FastEndpoints;
using Microsoft.Extensions.Options;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.LabOrders.Document;

public sealed class GetLabOrderDocumentRequest
{
    public long Id { get; set; }
}

public sealed class GetLabOrderDocumentEndpoint(StudioDbContext db, LabOrderDocuments documents, IOptions<LabOrderOptions> options)
    : Endpoint<GetLabOrderDocumentRequest, LabOrderDocument>
{
    public override void Configure()
    {
        Get("/production-orders/{id}/lab-order");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The order has no vendor yet.")
            .Operation("LabOrders", "GetDocument", "Get a production order's lab order",
                "The neutral lab order document: products by the vendor's lab codes, quantities, each image's crop in percent of the frame, "
                + "the rendered file of each line behind a signed URL a lab can fetch without an account (from the order's latest finished "
                + "render run; none before it is rendered), ship-to (the client) and ship-from (the studio). What the lab adapters send, "
                + "and order.json of the hot-folder package."));
    }

    public override async Task HandleAsync(GetLabOrderDocumentRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        await Send.OkAsync(await documents.BuildAsync(order, options.Value.BaseUrlFor(HttpContext.Request), ct), ct);
    }
}
