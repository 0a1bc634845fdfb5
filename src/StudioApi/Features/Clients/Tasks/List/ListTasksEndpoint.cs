using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Tasks.List;

public sealed class ListTasksRequest : ListRequest
{
    /// <summary>Only tasks at this status.</summary>
    public long? StatusId { get; set; }

    /// <summary>true: only tasks past their status due date and not at a final status; false: only the others.</summary>
    public bool? Overdue { get; set; }

    /// <summary>Words each found in the title or the description.</summary>
    public string? Q { get; set; }

    public long? TaskTypeId { get; set; }

    /// <summary>Only the tasks assigned to this user.</summary>
    public long? AssignedUserId { get; set; }

    /// <summary>Only the tasks about this client.</summary>
    public long? ClientId { get; set; }

    /// <summary>Only the tasks about this session.</summary>
    public long? SessionId { get; set; }

    /// <summary>Only the tasks about this invoice.</summary>
    public long? InvoiceId { get; set; }

    public TaskPriority? Priority { get; set; }

    /// <summary>Only tasks due before this date (not on it); tasks without a due date are left out.</summary>
    public DateOnly? DueBefore { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListTasksValidator : ListRequestValidator<ListTasksRequest, StudioTask>
{
    public ListTasksValidator() : base(ListTasksEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(200);
        RuleFor(r => r.Priority).IsInEnum();
    }
}

public sealed class ListTasksEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListTasksRequest, Page<TaskResponse>>
{
    /// <summary>
    /// The default is a work queue: soonest due first, undated tasks last. priority sorts by urgency
    /// (-priority puts urgent first).
    /// </summary>
    internal static readonly SortKeys<StudioTask> SortKeys = new SortKeys<StudioTask>("dueDate")
        .Add("dueDate", t => t.DueSortKey)
        .Add("priority", t => t.Priority)
        .Add("createdAt", t => t.CreatedAt)
        .Add("updatedAt", t => t.UpdatedAt);

    const int MaxSearchWords = 5;

    public override void Configure()
    {
        Get("/tasks");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "List", "List and search tasks"));
    }

    public override async Task HandleAsync(ListTasksRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var query = db.Tasks.AsNoTracking().Include(t => t.Status).AsQueryable();
        if (req.StatusId is { } statusId)
            query = query.Where(t => t.StatusId == statusId);
        if (req.Overdue is { } overdue)
            query = await query.WhereOverdueAsync(overdue, db.Tasks, today, ct);
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.TaskTypeId is { } taskTypeId)
            query = query.Where(t => t.TaskTypeId == taskTypeId);
        if (req.AssignedUserId is { } userId)
            query = query.Where(t => t.AssignedUserId == userId);
        if (req.ClientId is { } clientId)
            query = query.Where(t => t.ClientId == clientId);
        if (req.SessionId is { } sessionId)
            query = query.Where(t => t.SessionId == sessionId);
        if (req.InvoiceId is { } invoiceId)
            query = query.Where(t => t.InvoiceId == invoiceId);
        if (req.Priority is { } priority)
            query = query.Where(t => t.Priority == priority);
        if (req.DueBefore is { } dueBefore)
            query = query.Where(t => t.DueDate < dueBefore);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            // Every word must match somewhere, so "reprint wallet" finds the wallet reprint, not every reprint.
            foreach (var word in req.Q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxSearchWords))
            {
                var pattern = Like.Contains(word);
                query = query.Where(t => EF.Functions.Like(t.Title, pattern, Like.Escape)
                                         || EF.Functions.Like(t.Description!, pattern, Like.Escape));
            }
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, t => TaskResponse.From(t, today), ct), ct);
    }
}
