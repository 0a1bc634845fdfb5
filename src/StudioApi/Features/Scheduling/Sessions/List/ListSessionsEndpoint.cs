using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Scheduling.Sessions.List;

public sealed class ListSessionsRequest : ListRequest
{
    /// <summary>Sessions on or after this day.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>Sessions on or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    public long? PhotographerId { get; set; }
    public long? ResourceId { get; set; }
    public long? ClientId { get; set; }
    public long? OrganizationId { get; set; }
    public long? SessionTypeId { get; set; }
    public bool? Confirmed { get; set; }
    public bool? Cancelled { get; set; }
    public bool? OnHold { get; set; }
    public bool? NoShow { get; set; }
    public bool? Redo { get; set; }
    /// <summary>Sessions at this status.</summary>
    public long? StatusId { get; set; }
    /// <summary>true: past their status due date and not at a final status; false: the rest.</summary>
    public bool? Overdue { get; set; }
    /// <summary>Sessions that belong to this promotion.</summary>
    public long? PromotionId { get; set; }
    /// <summary>Sessions with this user as photographer or assistant.</summary>
    public long? StaffUserId { get; set; }
    /// <summary>Text found in the description or file number, or the session number.</summary>
    public string? Q { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListSessionsValidator : ListRequestValidator<ListSessionsRequest, Session>
{
    public ListSessionsValidator() : base(ListSessionsEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(200);
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

public sealed class ListSessionsEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListSessionsRequest, Page<SessionResponse>>
{
    /// <summary>"date" orders by the start instant, which is the date and start time in the studio's time zone.</summary>
    internal static readonly SortKeys<Session> SortKeys = new SortKeys<Session>("date")
        .Add("date", s => s.StartsAt)
        .Add("number", s => s.Number)
        .Add("createdAt", s => s.CreatedAt);

    public override void Configure()
    {
        Get("/sessions");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "List", "List and search sessions",
            "By date range, status, people, resource, client, organization, type and flags."));
    }

    public override async Task HandleAsync(ListSessionsRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var query = db.Sessions.AsNoTracking().Include(s => s.Status).AsQueryable();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(s => s.DeletedAt != null);
        if (req.DateFrom is { } from)
            query = query.Where(s => s.Date >= from);
        if (req.DateTo is { } to)
            query = query.Where(s => s.Date <= to);
        if (req.PhotographerId is { } photographerId)
            query = query.Where(s => s.PhotographerId == photographerId);
        if (req.ResourceId is { } resourceId)
            query = query.Where(s => s.ResourceId == resourceId);
        if (req.ClientId is { } clientId)
            query = query.Where(s => s.ClientId == clientId);
        if (req.OrganizationId is { } organizationId)
            query = query.Where(s => s.OrganizationId == organizationId);
        if (req.SessionTypeId is { } sessionTypeId)
            query = query.Where(s => s.SessionTypeId == sessionTypeId);
        if (req.Confirmed is { } confirmed)
            query = query.Where(s => s.Confirmed == confirmed);
        if (req.Cancelled is { } cancelled)
            query = query.Where(s => s.Cancelled == cancelled);
        if (req.OnHold is { } onHold)
            query = query.Where(s => s.OnHold == onHold);
        if (req.NoShow is { } noShow)
            query = query.Where(s => s.NoShow == noShow);
        if (req.Redo is { } redo)
            query = query.Where(s => s.Redo == redo);
        if (req.StatusId is { } statusId)
            query = query.Where(s => s.StatusId == statusId);
        if (req.Overdue is { } overdue)
            query = overdue
                ? query.Where(s => s.StatusDueDate < today && !s.Status!.IsFinal)
                : query.Where(s => s.StatusDueDate == null || s.StatusDueDate >= today || s.Status!.IsFinal);
        if (req.PromotionId is { } promotionId)
            query = query.Where(s => s.Promotions.Any(p => p.PromotionId == promotionId));
        if (req.StaffUserId is { } staffUserId)
            query = query.Where(s => s.PhotographerId == staffUserId || s.AssistantId == staffUserId);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var text = req.Q.Trim();
            var pattern = Like.Contains(text);
            var number = int.TryParse(text, out var n) ? n : -1;
            query = query.Where(s => s.Number == number
                                     || EF.Functions.Like(s.Description!, pattern, Like.Escape)
                                     || EF.Functions.Like(s.FileNumber!, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, s => SessionResponse.From(s, today), ct), ct);
    }
}
