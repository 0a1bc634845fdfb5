using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.Get;

public sealed class GetPrintJobRequest
{
    public long Id { get; set; }
}

public sealed class GetPrintJobEndpoint(StudioDbContext db) : Endpoint<GetPrintJobRequest, PrintJobResponse>
{
    public override void Configure()
    {
        Get("/print-jobs/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PrintJobs", "Get", "Get a print job"));
    }

    public override async Task HandleAsync(GetPrintJobRequest req, CancellationToken ct)
    {
        var job = await db.PrintJobs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == req.Id, ct) ?? throw ApiProblem.NotFound("print job", req.Id);
        HttpContext.WriteETag(job);
        await Send.OkAsync(PrintJobResponse.From(job), ct);
    }
}
