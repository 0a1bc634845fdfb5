using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>A record in a workflow list (overdue, a hub stage): which record, its status and dates.</summary>
public sealed class WorkflowRecordResponse
{
    public required RecordKind Kind { get; init; }
    public required long RecordId { get; init; }
    public long? StatusId { get; init; }
    public string? StatusDescription { get; init; }
    public DateOnly? StatusDate { get; init; }
    public DateOnly? DueDate { get; init; }
    /// <summary>Calendar days since the due date (0 when not overdue).</summary>
    public required int DaysOverdue { get; init; }

    /// <summary>A page of rows as responses, with the descriptions of their statuses read in one query.</summary>
    public static async Task<Page<WorkflowRecordResponse>> PageAsync(
        StudioDbContext db, RecordKind kind, Page<WorkflowRecordRow> rows, DateOnly today, CancellationToken ct)
    {
        var statusIds = rows.Items.Where(r => r.StatusId is not null).Select(r => r.StatusId!.Value).Distinct().ToList();
        var statuses = await db.StatusDefinitions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => statusIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Description, s.IsFinal })
            .ToDictionaryAsync(s => s.Id, ct);
        return new Page<WorkflowRecordResponse>
        {
            Items = rows.Items.Select(r =>
            {
                var status = r.StatusId is { } id ? statuses.GetValueOrDefault(id) : null;
                var overdue = r.DueDate is { } due && RecordStatusResponse.IsPastDue(due, status?.IsFinal == true, today);
                return new WorkflowRecordResponse
                {
                    Kind = kind,
                    RecordId = r.Id,
                    StatusId = r.StatusId,
                    StatusDescription = status?.Description,
                    StatusDate = r.StatusDate,
                    DueDate = r.DueDate,
                    DaysOverdue = overdue ? today.DayNumber - r.DueDate!.Value.DayNumber : 0,
                };
            }).ToList(),
            NextCursor = rows.NextCursor,
        };
    }

    /// <summary>
    /// Plain columns, so the (StatusId, StatusDueDate / StatusDate / Id) indexes of each kind serve them: the lists
    /// read only records with the date they sort by (<see cref="Listed"/>; every record at a status has both).
    /// </summary>
    public static readonly SortKeys<WorkflowRecordRow> SortKeys = new SortKeys<WorkflowRecordRow>("dueDate")
        .Add("dueDate", r => r.DueDate!.Value)
        .Add("statusDate", r => r.StatusDate!.Value)
        .Add("recordId", r => r.Id);

    /// <summary>The rows a workflow list in this order shows: those with the date it sorts by (a key cannot be null).</summary>
    public static IQueryable<WorkflowRecordRow> Listed(IQueryable<WorkflowRecordRow> rows, string? sort) =>
        SortKeys.Resolve(sort).Key.Name switch
        {
            "dueDate" => rows.Where(r => r.DueDate != null),
            "statusDate" => rows.Where(r => r.StatusDate != null),
            _ => rows,
        };

    /// <summary>One query per status, each an index range in the list's order, for <see cref="KeysetPaging.ToMergedPageAsync{T,TOut}(IReadOnlyCollection{IQueryable{T}},ListRequest,SortKeys{T},Func{T,TOut},CancellationToken)"/>.</summary>
    public static IReadOnlyCollection<IQueryable<WorkflowRecordRow>> PerStatus(IQueryable<WorkflowRecordRow> rows, IEnumerable<long> statusIds) =>
        [.. statusIds.Distinct().Select(id => rows.Where(r => r.StatusId == id))];
}
