using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Production.LabOrders.Submit;

public sealed class SubmitLabOrderRequest
{
    public long Id { get; set; }
}

/// <summary>
/// Queues a production order for its lab's API: refused (409, nothing queued) unless its vendor takes orders through
/// a lab API with credentials set, the order is rendered with a file for every image line, and it is not at the lab
/// already. A rejected or failed sending is sent again as a new round under a new duplicate key.
/// </summary>
public sealed class SubmitLabOrderEndpoint(StudioDbContext db, LabOrderDocuments documents, RecordAuthor author, LabSubmissionSignal signal,
    IEnumerable<ILabAdapter> adapters, IOptions<LabOrderOptions> options) : Endpoint<SubmitLabOrderRequest, LabSubmissionResponse>
{
    public override void Configure()
    {
        Post("/production-orders/{id}/lab-submissions");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Produces<LabSubmissionResponse>(StatusCodes.Status202Accepted, "application/json")
            .Answers(StatusCodes.Status409Conflict, "The vendor takes no orders through a lab API or lacks its credentials, the order is not rendered, or it is at the lab already.")
            .Operation("LabOrders", "Submit", "Send a production order to its lab",
                "Queues the order for its vendor's lab API (WHCC or Bay Photo): answers 202 with the sending to poll (Location) while a "
                + "background worker sends it, retrying with backoff; the lab's callbacks then move it (accepted, rejected with per-image "
                + "errors, shipped with carrier and tracking). 409 (nothing queued) when the vendor is not a labApi vendor with its key and "
                + "secret, the order has not been rendered (POST /render-runs with its productionOrderId) or lacks a file for an image line, "
                + "or it is at the lab already, or the vendor speaks a protocol not built yet (bayPhoto). After a rejection or a failure it is "
                + "sent again as a new round."));
    }

    public override async Task HandleAsync(SubmitLabOrderRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        var vendor = order.VendorId is { } vendorId ? await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vendorId, ct) : null;
        if (vendor is not { SubmissionMethod: SubmissionMethod.LabApi, LabProtocol: { } protocol })
            throw ApiProblem.Conflict(vendor is null
                ? "The production order has no live vendor: choose the lab it goes to first."
                : $"{vendor.Name} takes no orders through a lab API (submission method {vendor.SubmissionMethod}): "
                  + "place the order by hand, or download the hot-folder package (GET …/lab-order/package).");
        if (adapters.All(a => a.Protocol != protocol))
            throw ApiProblem.Conflict($"Sending orders through {protocol} is not built yet: place the order by hand, or download the hot-folder package (GET …/lab-order/package).");
        if (vendor.LabKeyProtected is null || vendor.LabSecretProtected is null)
            throw ApiProblem.Conflict($"{vendor.Name} has no lab API key and secret: set labKey and labSecret on the vendor.");
        var baseUrl = options.Value.BaseUrlFor(HttpContext.Request);
        var document = await documents.BuildAsync(order, baseUrl, ct);
        if (document.RenderRunId is null)
            throw ApiProblem.Conflict("The production order has not been rendered yet: POST /render-runs with its productionOrderId first.");
        if (document.Items.FirstOrDefault(i => i.Image is { File: null }) is { } missing)
            throw ApiProblem.Conflict($"Line {missing.LineId} ({missing.Code}) has no rendered file in the order's latest render: render the order again.");

        var submission = await db.Set<LabSubmission>().SingleOrDefaultAsync(s => s.ProductionOrderId == order.Id, ct);
        if (submission is null)
        {
            submission = new LabSubmission { ProductionOrderId = order.Id, Round = 1 };
            db.Set<LabSubmission>().Add(submission);
        }
        else if (submission.State is LabSubmissionState.Rejected or LabSubmissionState.Failed)
        {
            // A new round: a new key the lab has not seen, and nothing of the last round's lab ids or errors.
            submission.Round++;
            submission.LabConfirmationId = null;
            submission.LabOrderNumber = null;
            submission.Errors = [];
            submission.SubmittedAt = submission.AcceptedAt = submission.RejectedAt = submission.ShippedAt = null;
            submission.Work = new WorkLease();
        }
        else
            throw ApiProblem.Conflict($"The production order is at the lab already (its sending is {submission.State.WireName()}).");
        submission.VendorId = vendor.Id;
        submission.Protocol = protocol;
        submission.State = LabSubmissionState.Queued;
        submission.LabKey = LabSubmission.KeyOf(order.Number, submission.Round);
        submission.AssetBaseUrl = baseUrl;
        submission.LabAnswer = null;
        submission.CreatedBy = author.Name;
        submission.CreatedAt = db.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw ApiProblem.Conflict("The production order was sent to the lab by someone else just now.");
        }
        signal.Wake();

        HttpContext.Response.Headers.Location = $"/api/v1/production-orders/{order.Id}/lab-submission";
        await Send.ResponseAsync(LabSubmissionResponse.From(submission, []), StatusCodes.Status202Accepted, ct);
    }
}
