using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Scheduling.Sessions.StatusLog;

public sealed class GetSessionStatusLogRequest
{
    public long Id { get; set; }
}

/// <summary>One line of a session's status log.</summary>
public sealed class SessionStatusLogLine
{
    /// <summary>statusChanged, rescheduled, confirmed, unconfirmed, cancelled, reinstated or reminderFired.</summary>
    public required string Event { get; init; }
    public required string Text { get; init; }
    /// <summary>Who made the change: a username, or "system" for the studio's scheduled jobs.</summary>
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>For status changes: the status the session moved to.</summary>
    public long? ToStatusId { get; init; }
}

public sealed class SessionStatusLogResponse
{
    /// <summary>Newest first; the newest <see cref="GetSessionStatusLogEndpoint.MaxLines"/> lines.</summary>
    [MaxLength(GetSessionStatusLogEndpoint.MaxLines)]
    public required IReadOnlyList<SessionStatusLogLine> Lines { get; init; }
}

/// <summary>
/// The seed's read-only status notes: every status change, and the changes of date and time, confirmations and
/// cancellations, and fired reminders, in one list. Status changes come from the workflow's status log (also
/// paged on its own at /sessions/{id}/status-changes); the rest from the session's own log.
/// </summary>
public sealed class GetSessionStatusLogEndpoint(StudioDbContext db) : Endpoint<GetSessionStatusLogRequest, SessionStatusLogResponse>
{
    public const int MaxLines = 500;

    public override void Configure()
    {
        Get("/sessions/{id}/status-log");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "GetStatusLog",
            "List a session's status notes",
            "Newest first: status changes, date and time changes, confirmations, cancellations and fired reminders."));
    }

    public override async Task HandleAsync(GetSessionStatusLogRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);

        var statusChanges = await db.StatusLogEntries.AsNoTracking()
            .Where(e => e.Kind == RecordKind.Session && e.RecordId == req.Id)
            .OrderByDescending(e => e.ChangedAt).ThenByDescending(e => e.Id).Take(MaxLines)
            .ToListAsync(ct);
        var events = await db.SessionLogEntries.AsNoTracking()
            .Where(e => e.SessionId == req.Id)
            .OrderByDescending(e => e.Id).Take(MaxLines)
            .ToListAsync(ct);

        var lines = statusChanges.Select(e => new SessionStatusLogLine
            {
                Event = "statusChanged",
                Text = (e.FromDescription is null ? $"Status set to {e.ToDescription}." : $"Status changed from {e.FromDescription} to {e.ToDescription}.")
                       + (e.Note is null ? "" : $" {e.Note}"),
                By = e.ChangedBy,
                At = e.ChangedAt,
                ToStatusId = e.ToStatusId,
            })
            .Concat(events.Select(e => new SessionStatusLogLine
            {
                Event = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Event.ToString()),
                Text = e.Text,
                By = e.By,
                At = e.At,
            }))
            .OrderByDescending(l => l.At)
            .Take(MaxLines)
            .ToList();
        await Send.OkAsync(new SessionStatusLogResponse { Lines = lines }, ct);
    }
}
