using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.Delete;

public sealed class DeletePrintJobRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePrintJobEndpoint(StudioDbContext db) : Endpoint<DeletePrintJobRequest>
{
    public override void Configure()
    {
        Delete("/print-jobs/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PrintJobs", "Delete", "Move a print job to the recycle bin", "Takes it out of the print queue unprinted; the PDF is kept."));
    }

    public override async Task HandleAsync(DeletePrintJobRequest req, CancellationToken ct)
    {
        var job = await db.PrintJobs.SingleOrDefaultAsync(p => p.Id == req.Id, ct) ?? throw ApiProblem.NotFound("print job", req.Id);
        db.MatchVersion(job, req.IfMatch);
        db.SoftDelete(job);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
