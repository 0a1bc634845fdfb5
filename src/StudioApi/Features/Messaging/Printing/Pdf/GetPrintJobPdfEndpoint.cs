using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Messaging.Printing.Pdf;

public sealed class GetPrintJobPdfRequest
{
    public long Id { get; set; }
}

public sealed class GetPrintJobPdfEndpoint(StudioDbContext db, IFileStore store) : Endpoint<GetPrintJobPdfRequest>
{
    public override void Configure()
    {
        Get("/print-jobs/{id}/pdf");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .Operation("PrintJobs", "GetPdf", "Download a print job's PDF", "Downloading does not mark it printed (PrintJobs_MarkPrinted does)."));
    }

    public override async Task HandleAsync(GetPrintJobPdfRequest req, CancellationToken ct)
    {
        var job = await db.PrintJobs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == req.Id, ct) ?? throw ApiProblem.NotFound("print job", req.Id);
        var file = await store.OpenReadAsync(job.StorageKey, ct)
                   ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found", $"The PDF of print job {job.Id} is missing from the file store.");
        await using var content = file.Content;
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"print-job-{job.Id}.pdf\"";
        await Send.StreamAsync(content, fileLengthBytes: file.Length, contentType: "application/pdf", cancellation: ct);
    }
}
