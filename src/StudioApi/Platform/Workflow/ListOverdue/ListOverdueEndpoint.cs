using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.ListOverdue;

public sealed class ListOverdueRequest : ListRequest
{
    /// <summary>The record kind to list.</summary>
    public RecordKind? Kind { get; set; }

    /// <summary>Only records at this status.</summary>
    public long? StatusId { get; set; }

    /// <summary>Only records of this type (session type, production type, task type).</summary>
    public long? TypeId { get; set; }

    /// <summary>Only records assigned to this user (kinds with an assignee, such as tasks).</summary>
    public long? AssignedUserId { get; set; }
}

public sealed class ListOverdueValidator : ListRequestValidator<ListOverdueRequest, WorkflowRecordRow>
{
    public ListOverdueValidator() : base(WorkflowRecordResponse.SortKeys)
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.StatusId).GreaterThan(0);
        RuleFor(r => r.TypeId).GreaterThan(0);
        RuleFor(r => r.AssignedUserId).GreaterThan(0);
    }
}

public sealed class ListOverdueEndpoint(StudioDbContext db, WorkflowRecords records, StudioCalendar calendar)
    : Endpoint<ListOverdueRequest, Page<WorkflowRecordResponse>>
{
    public override void Configure()
    {
        Get("/workflow/overdue");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ListOverdue",
            "List overdue records",
            "The records of a kind that are past their status due date (in the studio's time zone) and not at a "
            + "final status."));
    }

    public override async Task HandleAsync(ListOverdueRequest req, CancellationToken ct)
    {
        var kind = req.Kind!.Value;
        var source = records.Find(kind);
        if (source is not null && req.TypeId is not null && !source.HasTypes)
            AddError(new ValidationFailure("typeId", $"{kind.WireName()} records have no type."));
        if (source is not null && req.AssignedUserId is not null && !source.HasAssignedUser)
            AddError(new ValidationFailure("assignedUserId", $"{kind.WireName()} records are not assigned to users."));
        ThrowIfAnyErrors();

        var today = await calendar.TodayAsync(ct);
        if (source is null)
        {
            // The kind's records have not arrived in this version of the API: none can be overdue.
            await Send.OkAsync(new Page<WorkflowRecordResponse> { Items = [], NextCursor = null }, ct);
            return;
        }

        // Each open status's records past their due date, read by status from the (StatusId, sort key) indexes and
        // merged: asking for "not at a final status" instead would read through every archived record.
        var open = await db.StatusDefinitions.Where(s => s.Kind == kind && !s.IsFinal).Select(s => s.Id).ToListAsync(ct);
        if (req.StatusId is { } statusId)
            open = [.. open.Where(id => id == statusId)];
        // The past-due filter leaves out records without a due date; one without a status date (there are none: a status
        // change sets both) would sort as the earliest. No IS NOT NULL on the status date: SQLite would take it for a
        // range and read the status's records by status date, most of them not due yet.
        var rows = source.RowsVisibleTo(db, User);
        if (req.TypeId is { } typeId)
            rows = rows.Where(r => r.TypeId == typeId);
        if (req.AssignedUserId is { } userId)
            rows = rows.Where(r => r.AssignedUserId == userId);

        // By due date, the past-due range is the page's index range. By status date or record id, each status's page
        // is read one of two ways (OverdueRecords): its past-due range, sorted; or its index in the list's order, stepping
        // over the records not due yet. The first costs what is past due, the second what is not due yet and newer. A
        // staged kind whose every record the caller sees weighs the two by the counts kept per status and due date;
        // otherwise the past-due records are counted, up to OverdueRecords.Few. Either way only the page's keys are read
        // and sorted; its rows are then loaded by id.
        var byDueDate = WorkflowRecordResponse.SortKeys.Resolve(req.Sort).Key.Name == "dueDate";
        var kept = !byDueDate && kind.SupportsStages() && req is { TypeId: null, AssignedUserId: null } && source.SeesAll(db, User)
            ? await OverdueRecords.KeptDueCountsAsync(db, [.. open], today, ct)
            : null;
        var perStatus = new List<IQueryable<WorkflowRecordRow>>();
        foreach (var id in open.Distinct())
        {
            var atStatus = rows.Where(r => r.StatusId == id);
            var pastDue = atStatus.Where(r => r.DueDate < today);
            if (byDueDate)
                perStatus.Add(pastDue);
            else if (kept is not null ? kept.GetValueOrDefault(id).FavoursRange : await pastDue.AreFewAsync(ct))
                perStatus.Add(pastDue.AsRangeToSort());
            else
                perStatus.Add(atStatus.Where(r => (r.DueDate ?? DateOnly.MaxValue) < today));
        }

        var page = await perStatus.ToMergedPageAsync(req, WorkflowRecordResponse.SortKeys, source.Rows(db), r => r, ct);
        await Send.OkAsync(await WorkflowRecordResponse.PageAsync(db, kind, page, today, ct), ct);
    }
}
