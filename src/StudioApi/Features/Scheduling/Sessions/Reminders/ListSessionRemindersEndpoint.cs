using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions.Reminders;

public sealed class ListSessionRemindersRequest : ListRequest
{
    /// <summary>Only reminders of sessions this user shoots or assists on.</summary>
    public long? UserId { get; set; }
    /// <summary>true: only reminders of the caller's own sessions (photographer or assistant).</summary>
    public bool? Mine { get; set; }
}

public sealed class ListSessionRemindersValidator() : ListRequestValidator<ListSessionRemindersRequest, Session>(ListSessionRemindersEndpoint.SortKeys);

/// <summary>A fired reminder: what a front end shows on screen before a session starts.</summary>
public sealed class SessionReminderResponse
{
    public required long SessionId { get; init; }
    public required int Number { get; init; }
    public required long ClientId { get; init; }
    public string? Description { get; init; }
    public required DateOnly Date { get; init; }
    public required string StartTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public long? PhotographerId { get; init; }
    public long? AssistantId { get; init; }
    public required DateTimeOffset FiredAt { get; init; }
}

public sealed class ListSessionRemindersEndpoint(StudioDbContext db, TimeProvider clock) : Endpoint<ListSessionRemindersRequest, Page<SessionReminderResponse>>
{
    internal static readonly SortKeys<Session> SortKeys = new SortKeys<Session>("date").Add("date", s => s.StartsAt);

    public override void Configure()
    {
        Get("/session-reminders");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "ListReminders",
            "List fired session reminders",
            "Reminders that have fired for sessions not yet over, soonest first. Each reminder fires once, its "
            + "minutes before the start."));
    }

    public override async Task HandleAsync(ListSessionRemindersRequest req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Sessions.AsNoTracking().Where(s => s.ReminderFiredAt != null && s.EndsAt > now && !s.Cancelled && !s.OnHold);
        var user = req.Mine == true ? User.UserId() : req.UserId;
        if (user is { } userId)
            query = query.Where(s => s.PhotographerId == userId || s.AssistantId == userId);
        // The page's ids first, then those sessions by id (their owned lists come along with every load).
        var records = db.Sessions.IgnoreQueryFilters().AsNoTracking();
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, s => new SessionReminderResponse
        {
            SessionId = s.Id,
            Number = s.Number,
            ClientId = s.ClientId,
            Description = s.Description,
            Date = s.Date,
            StartTime = WallClock.FormatTime(s.StartTime),
            StartsAt = s.StartsAt,
            PhotographerId = s.PhotographerId,
            AssistantId = s.AssistantId,
            FiredAt = s.ReminderFiredAt!.Value,
        }, ct), ct);
    }
}
