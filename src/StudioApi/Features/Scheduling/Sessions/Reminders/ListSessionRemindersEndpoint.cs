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
        // Sessions not over yet started at most a day ago: the fired reminders' index in date order is read from there.
        var earliest = StudioClock.EarliestStartOverlapping(now);
        var query = db.Sessions.AsNoTracking()
            .Where(s => s.ReminderFiredAt != null && s.StartsAt > earliest && s.EndsAt > now && !s.Cancelled && !s.OnHold);
        var user = req.Mine == true ? User.UserId() : req.UserId;
        // The page's ids first, then those sessions by id (their owned lists come along with every load).
        var records = db.Sessions.IgnoreQueryFilters().AsNoTracking();
        Func<Session, SessionReminderResponse> map = s => new SessionReminderResponse
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
        };
        if (user is { } userId)
        {
            // As photographer or as assistant: two index ranges in date order, merged (one OR reads both and sorts).
            IQueryable<Session>[] parts =
            [
                query.Where(s => s.PhotographerId == userId),
                query.Where(s => s.AssistantId == userId && s.PhotographerId != userId),
            ];
            await Send.OkAsync(await parts.ToMergedPageAsync(req, SortKeys, records, map, ct), ct);
            return;
        }
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, map, ct), ct);
    }
}
