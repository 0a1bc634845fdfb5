using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Platform.Workflow.CountOverdue;

public sealed class OverdueStatusCount
{
    public required long StatusId { get; init; }
    public required string Description { get; init; }
    public required int Count { get; init; }
}

public sealed class OverdueKindCount
{
    public required RecordKind Kind { get; init; }
    /// <summary>The kind's records past their status due date and not at a final status.</summary>
    public required int Count { get; init; }
    /// <summary>The count per open status that has overdue records, in the statuses' order.</summary>
    [MaxLength(200)]
    public required IReadOnlyList<OverdueStatusCount> Statuses { get; init; }
}

public sealed class OverdueCountsResponse
{
    [MaxLength(20)]
    public required IReadOnlyList<OverdueKindCount> Items { get; init; }
}

public sealed class CountOverdueEndpoint(StudioDbContext db, WorkflowRecords records, StudioCalendar calendar) : EndpointWithoutRequest<OverdueCountsResponse>
{
    public override void Configure()
    {
        Get("/workflow/overdue/counts");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "CountOverdue",
            "Count overdue records",
            "For every record kind, how many are past their status due date (in the studio's time zone) and not at a "
            + "final status, in all and per status: the totals of the overdue lists (GET /workflow/overdue)."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var open = (await db.StatusDefinitions.AsNoTracking().Where(s => !s.IsFinal)
                .Select(s => new { s.Id, s.Kind, s.TypeId, s.Order, s.Description }).ToListAsync(ct))
            .OrderBy(s => s.TypeId).ThenBy(s => s.Order).ThenBy(s => s.Id).ToList();
        var items = new List<OverdueKindCount>();
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            // A kind counts once its records are registered (0 until then). A staged kind whose every record the caller
            // sees adds up the counts kept per status and due date (StatusDueDateCount); otherwise each open status's
            // past-due records are a range of its (StatusId, StatusDueDate) index, counted there without reading a record.
            var statuses = new List<OverdueStatusCount>();
            var openOfKind = open.Where(s => s.Kind == kind).ToList();
            if (records.Find(kind) is { } source && openOfKind.Count > 0)
            {
                var kept = kind.SupportsStages() && source.SeesAll(db, User)
                    ? await OverdueRecords.KeptDueCountsAsync(db, [.. openOfKind.Select(s => s.Id)], today, ct)
                    : null;
                foreach (var status in openOfKind)
                {
                    var count = kept is not null
                        ? (int)kept.GetValueOrDefault(status.Id).PastDue
                        : await source.RowsVisibleTo(db, User).CountAsync(r => r.StatusId == status.Id && r.DueDate < today, ct);
                    if (count > 0)
                        statuses.Add(new OverdueStatusCount { StatusId = status.Id, Description = status.Description, Count = count });
                }
            }
            items.Add(new OverdueKindCount { Kind = kind, Count = statuses.Sum(s => s.Count), Statuses = statuses });
        }
        await Send.OkAsync(new OverdueCountsResponse { Items = items }, ct);
    }
}
