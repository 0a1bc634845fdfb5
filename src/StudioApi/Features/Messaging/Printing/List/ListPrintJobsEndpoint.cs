using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing.List;

public sealed class ListPrintJobsRequest : ListRequest
{
    /// <summary>false: the print queue (not printed yet); true: those printed; omit for both.</summary>
    public bool? Printed { get; set; }
    public PrintJobKind? Kind { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListPrintJobsValidator : ListRequestValidator<ListPrintJobsRequest, PrintJob>
{
    public ListPrintJobsValidator() : base(ListPrintJobsEndpoint.SortKeys)
    {
        RuleFor(r => r.Kind).IsInEnum();
    }
}

public sealed class ListPrintJobsEndpoint(StudioDbContext db) : Endpoint<ListPrintJobsRequest, Page<PrintJobResponse>>
{
    internal static readonly SortKeys<PrintJob> SortKeys = new SortKeys<PrintJob>("createdAt").Add("createdAt", p => p.CreatedAt);

    public override void Configure()
    {
        Get("/print-jobs");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PrintJobs", "List", "List the print queue",
            "Letters, job sheets and labels as PDFs, oldest first; printed=false is the queue of what waits to be printed."));
    }

    public override async Task HandleAsync(ListPrintJobsRequest req, CancellationToken ct)
    {
        var query = db.PrintJobs.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(p => p.DeletedAt != null);
        if (req.Printed is { } printed)
            query = printed ? query.Where(p => p.PrintedAt != null) : query.Where(p => p.PrintedAt == null);
        if (req.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, PrintJobResponse.From, ct), ct);
    }
}
