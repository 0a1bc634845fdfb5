using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.JobSheets;

public sealed class CreateJobSheetRequest
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>The day whose sessions it lists (the studio's calendar).</summary>
    public DateOnly Date { get; set; }
}

public sealed class CreateJobSheetValidator : Validator<CreateJobSheetRequest>
{
    public CreateJobSheetValidator()
    {
        RuleFor(r => r.Date).NotEmpty();
    }
}

public sealed class CreateJobSheetEndpoint(StudioDbContext db, JobSheetRenderer renderer, PrintQueue queue) : Endpoint<CreateJobSheetRequest, PrintJobResponse>
{
    public override void Configure()
    {
        Post("/job-sheets");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PrintJobs", "CreateJobSheet", "Print the job sheet of a day",
            "The day's sessions in start order (number, client and phone, type, photographer, place, confirmed) as a PDF "
            + "into the print queue: answers the print job (201). A daily trigger can print it on a schedule.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateJobSheetRequest req, CancellationToken ct)
    {
        var (pdf, pages, sessions) = await renderer.RenderAsync(req.Date, ct);
        var job = await queue.AddAsync(PrintJobKind.JobSheet, JobSheetRenderer.Title(req.Date, sessions), pdf, pages, req.Date, null, ct);
        await db.SaveChangesAsync(ct);
        HttpContext.WriteETag(job);
        await Send.CreatedAtAsync("PrintJobs_Get", new { id = job.Id }, PrintJobResponse.From(job), cancellation: ct);
    }
}
