using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.LabOrders.Submission;

public sealed class GetLabSubmissionRequest
{
    public long Id { get; set; }
}

public sealed class GetLabSubmissionEndpoint(StudioDbContext db) : Endpoint<GetLabSubmissionRequest, LabSubmissionResponse>
{
    public override void Configure()
    {
        Get("/production-orders/{id}/lab-submission");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("LabOrders", "GetSubmission", "Get a production order's sending to its lab",
            "Where it stands (queued, submitting, submitted, accepted, rejected, shipped, failed), the lab's answer, ids and per-image "
            + "errors, carrier and tracking, and every attempt at sending it. 404 when it was never sent."));
    }

    public override async Task HandleAsync(GetLabSubmissionRequest req, CancellationToken ct)
    {
        await ProductionOrderAccess.EnsureVisibleAsync(db, User, req.Id, ct);
        var submission = await db.Set<LabSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.ProductionOrderId == req.Id, ct)
                         ?? throw ApiProblem.NotFound("lab submission of production order", req.Id);
        var attempts = await db.Set<LabSubmissionAttempt>().AsNoTracking().Where(a => a.SubmissionId == submission.Id)
            .OrderByDescending(a => a.Id).Take(LabSubmissionLimits.MaxAttemptsListed).ToListAsync(ct);
        await Send.OkAsync(LabSubmissionResponse.From(submission, attempts), ct);
    }
}
