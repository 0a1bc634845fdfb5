using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.Restore;

public sealed class RestorePrintJobRequest
{
    public long Id { get; set; }
}

public sealed class RestorePrintJobEndpoint(StudioDbContext db) : Endpoint<RestorePrintJobRequest, PrintJobResponse>
{
    public override void Configure()
    {
        Post("/print-jobs/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PrintJobs", "Restore", "Bring a print job back from the recycle bin"));
    }

    public override async Task HandleAsync(RestorePrintJobRequest req, CancellationToken ct)
    {
        var job = await db.PrintJobs.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == req.Id && p.DeletedAt != null, ct)
                  ?? throw ApiProblem.NotFound("deleted print job", req.Id);
        db.Restore(job);
        await db.SaveChangesAsync(ct);
        HttpContext.WriteETag(job);
        await Send.OkAsync(PrintJobResponse.From(job), ct);
    }
}
