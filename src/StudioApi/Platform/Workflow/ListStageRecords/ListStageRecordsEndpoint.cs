using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Platform.Workflow.ListStageRecords;

public sealed class ListStageRecordsRequest : ListRequest
{
    public WorkflowStage Stage { get; set; }

    /// <summary>session, invoice or productionOrder.</summary>
    public RecordKind? Kind { get; set; }
}

public sealed class ListStageRecordsValidator : ListRequestValidator<ListStageRecordsRequest, WorkflowRecordRow>
{
    public ListStageRecordsValidator() : base(WorkflowRecordResponse.SortKeys)
    {
        RuleFor(r => r.Stage).IsInEnum();
        RuleFor(r => r.Kind).NotNull().IsInEnum()
            .Must(k => k is null || k.Value.SupportsStages()).WithMessage("Only sessions, invoices and production orders have workflow stages.");
    }
}

public sealed class ListStageRecordsEndpoint(StudioDbContext db, WorkflowRecords records, StudioCalendar calendar)
    : Endpoint<ListStageRecordsRequest, Page<WorkflowRecordResponse>>
{
    public override void Configure()
    {
        Get("/workflow/stages/{stage}/records");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ListStageRecords", "List the records at a workflow hub stage",
            "The sessions, invoices or production orders at a status associated with the stage."));
    }

    public override async Task HandleAsync(ListStageRecordsRequest req, CancellationToken ct)
    {
        var kind = req.Kind!.Value;
        if (records.Find(kind) is not { } source)
        {
            await Send.OkAsync(new Page<WorkflowRecordResponse> { Items = [], NextCursor = null }, ct);
            return;
        }

        var stage = req.Stage;
        var statusIds = await db.StatusDefinitions.Where(s => s.Kind == kind && s.Stage == stage).Select(s => s.Id).ToListAsync(ct);
        // Read by status from the (StatusId, sort key) indexes and merged (see ToMergedPageAsync).
        var rows = WorkflowRecordResponse.PerStatus(WorkflowRecordResponse.Listed(source.RowsVisibleTo(db, User), req.Sort), statusIds);
        var page = await rows.ToMergedPageAsync(req, WorkflowRecordResponse.SortKeys, r => r, ct);
        await Send.OkAsync(await WorkflowRecordResponse.PageAsync(db, kind, page, await calendar.TodayAsync(ct), ct), ct);
    }
}
