using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.Printed;

public sealed class MarkPrintJobPrintedRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class MarkPrintJobPrintedEndpoint(StudioDbContext db, RecordAuthor author) : Endpoint<MarkPrintJobPrintedRequest, PrintJobResponse>
{
    public override void Configure()
    {
        Post("/print-jobs/{id}/printed");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "It was marked printed already.")
            .Operation("PrintJobs", "MarkPrinted", "Mark a print job printed", "Takes it out of the print queue. With If-Match, refused if changed since read."));
    }

    public override async Task HandleAsync(MarkPrintJobPrintedRequest req, CancellationToken ct)
    {
        var job = await db.PrintJobs.SingleOrDefaultAsync(p => p.Id == req.Id, ct) ?? throw ApiProblem.NotFound("print job", req.Id);
        if (req.IfMatch is not null)
            db.MatchVersion(job, req.IfMatch);
        if (job.PrintedAt is not null)
            throw ApiProblem.Conflict($"Print job {job.Id} was marked printed by {job.PrintedBy} at {job.PrintedAt:u}.");
        job.PrintedAt = db.UtcNow;
        job.PrintedBy = author.Name;
        await db.SaveChangesAsync(ct);
        HttpContext.WriteETag(job);
        await Send.OkAsync(PrintJobResponse.From(job), ct);
    }
}
