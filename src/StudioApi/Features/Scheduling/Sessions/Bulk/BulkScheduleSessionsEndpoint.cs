using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Sessions.Bulk;

public sealed class BulkScheduleSessionsRequest
{
    public const int MaxClients = 2000;

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>The picture day, in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Wall-clock "HH:mm" start of the first slot.</summary>
    public string StartTime { get; set; } = "";
    /// <summary>Length of each session (1–1440 minutes; a school picture day runs a student a minute).</summary>
    public int SlotMinutes { get; set; }
    /// <summary>Minutes between one session's end and the next one's start (0–1440).</summary>
    public int GapMinutes { get; set; }
    /// <summary>Id of an active session type.</summary>
    public long SessionTypeId { get; set; }
    public long? PhotographerId { get; set; }
    public long? AssistantId { get; set; }
    public long? ResourceId { get; set; }
    /// <summary>The clients to book, each once, in slot order. Give these or organizationId.</summary>
    public List<long>? ClientIds { get; set; }
    /// <summary>Book every student of this organization (ordered by last name, first name). Give this or clientIds.</summary>
    public long? OrganizationId { get; set; }
    /// <summary>With organizationId: only students in this grade.</summary>
    public string? Grade { get; set; }
    /// <summary>With organizationId: only students graduating this year.</summary>
    public int? GraduationYear { get; set; }
    /// <summary>Book even where the photographer, assistant or resource is busy.</summary>
    public bool OverrideConflicts { get; set; }
}

public sealed class BulkScheduleSessionsValidator : Validator<BulkScheduleSessionsRequest>
{
    public BulkScheduleSessionsValidator()
    {
        RuleFor(r => r.Date).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(r => r.StartTime).WallClockTime();
        RuleFor(r => r.SlotMinutes).InclusiveBetween(1, 24 * 60);
        RuleFor(r => r.GapMinutes).InclusiveBetween(0, 24 * 60);
        RuleFor(r => r.SessionTypeId).GreaterThan(0);
        RuleFor(r => r.PhotographerId).GreaterThan(0);
        RuleFor(r => r.AssistantId).GreaterThan(0);
        RuleFor(r => r.AssistantId).NotEqual(r => r.PhotographerId).When(r => r.PhotographerId is not null)
            .WithMessage("The assistant cannot also be the photographer.");
        RuleFor(r => r.ResourceId).GreaterThan(0);
        RuleFor(r => r.ClientIds).MaxItems(BulkScheduleSessionsRequest.MaxClients)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Give each client once.");
        RuleForEach(r => r.ClientIds).GreaterThan(0);
        RuleFor(r => r.ClientIds).NotEmpty().When(r => r.OrganizationId is null)
            .WithMessage("Give the clients to book, or an organizationId to book its students.");
        RuleFor(r => r.ClientIds).Null().When(r => r.OrganizationId is not null)
            .WithMessage("Give clientIds or organizationId, not both.");
        RuleFor(r => r.OrganizationId).GreaterThan(0);
        RuleFor(r => r.Grade).MaximumLength(20);
        RuleFor(r => r.Grade).Null().When(r => r.OrganizationId is null).WithMessage("grade filters an organization's students.");
        RuleFor(r => r.GraduationYear).InclusiveBetween(1900, 2200);
        RuleFor(r => r.GraduationYear).Null().When(r => r.OrganizationId is null).WithMessage("graduationYear filters an organization's students.");
        RuleFor(r => r.OrganizationId).NotNull().When(r => r.Grade is not null || r.GraduationYear is not null)
            .WithMessage("grade and graduationYear filter an organization's students: give its organizationId.");
    }
}

public sealed class BulkScheduleSessionsResponse
{
    public required int Count { get; init; }
    /// <summary>The sessions created, in slot order.</summary>
    [MaxLength(BulkScheduleSessionsRequest.MaxClients)]
    public required IReadOnlyList<BulkScheduledSession> Sessions { get; init; }
}

public sealed class BulkScheduledSession
{
    public required long Id { get; init; }
    public required int Number { get; init; }
    public required long ClientId { get; init; }
    public required DateOnly Date { get; init; }
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
}

/// <summary>A slot of a bulk booking that collides with sessions already booked.</summary>
public sealed class BulkSlotConflict
{
    public required long ClientId { get; init; }
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public required IReadOnlyList<SessionConflict> Conflicts { get; init; }
}

/// <summary>
/// A picture day: one session per client in consecutive slots, all in one transaction. Everything is checked before
/// anything is written, and every problem is reported at once, so a refused call can be fixed in one go.
/// </summary>
public sealed class BulkScheduleSessionsEndpoint(StudioDbContext db, RecordAuthor author, StatusTransitions transitions)
    : Endpoint<BulkScheduleSessionsRequest, BulkScheduleSessionsResponse>
{

    public override void Configure()
    {
        Post("/sessions/bulk");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "BulkSchedule",
                "Book a picture day",
                "One session per client (or per student of an organization) in consecutive slots; all or nothing.")
            .AcceptsIdempotencyKey()
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<BulkScheduleSessionsResponse>(StatusCodes.Status201Created));
    }

    sealed record Booked(long ClientId, long? OrganizationId, string? StudentId, int? GraduationYear);

    public override async Task HandleAsync(BulkScheduleSessionsRequest req, CancellationToken ct)
    {
        var clients = await ClientsAsync(req, ct);
        await CheckReferencesAsync(req, ct);
        var sessions = await SlotsAsync(req, clients, ct);
        ThrowIfAnyErrors();

        var people = new[] { req.PhotographerId, req.AssistantId }.Where(p => p is not null).ToList();
        var keys = SessionBooking.LockKeys(sessions[0]).ToList();
        await db.InTransactionAsync(async () =>
        {
            await db.TakeAsync(keys, ct);
            if (!req.OverrideConflicts && (people.Count > 0 || req.ResourceId is not null))
                await CheckConflictsAsync(sessions, people, req.ResourceId, ct);
            db.Sessions.AddRange(sessions);
            // Every session enters its workflow at the initial status; the status log gets one entry each, in bulk.
            await transitions.StartManyAsync(RecordKind.Session, sessions, () => db.SaveNumberedAsync(sessions, ct), ct);
            return true;
        }, ct);

        var response = new BulkScheduleSessionsResponse
        {
            Count = sessions.Count,
            Sessions = sessions.Select(s => new BulkScheduledSession
            {
                Id = s.Id,
                Number = s.Number,
                ClientId = s.ClientId,
                Date = s.Date,
                StartTime = WallClock.FormatTime(s.StartTime),
                EndTime = WallClock.FormatTime(s.EndTime),
                StartsAt = s.StartsAt,
                EndsAt = s.EndsAt,
            }).ToList(),
        };
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }

    /// <summary>The clients to book in slot order, with their enrolment; unknown clients become field errors.</summary>
    async Task<List<Booked>> ClientsAsync(BulkScheduleSessionsRequest req, CancellationToken ct)
    {
        if (req.OrganizationId is { } organizationId)
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
                ThrowError(r => r.OrganizationId, $"There is no organization {organizationId}.");
            var students = db.Clients.AsNoTracking().Where(c => c.Student != null && c.Student.OrganizationId == organizationId);
            if (req.Grade is { } grade)
                students = students.Where(c => c.Student!.Grade == grade.Trim());
            if (req.GraduationYear is { } year)
                students = students.Where(c => c.Student!.GraduationYear == year);
            var found = await students.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
                .Select(c => new Booked(c.Id, c.Student!.OrganizationId, c.Student.StudentId, c.Student.GraduationYear))
                .Take(BulkScheduleSessionsRequest.MaxClients + 1)
                .ToListAsync(ct);
            if (found.Count == 0)
                ThrowError(r => r.OrganizationId, "No students of this organization match: there is nobody to book.");
            if (found.Count > BulkScheduleSessionsRequest.MaxClients)
                ThrowError(r => r.OrganizationId, $"More than {BulkScheduleSessionsRequest.MaxClients} students match: book them in smaller groups (filter by grade or graduationYear).");
            return found;
        }

        var ids = req.ClientIds!;
        // In chunks: SQL Server takes at most 2,100 parameters a command, and EF may send each id as one.
        var known = new Dictionary<long, Booked>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var client in await db.Clients.AsNoTracking().Where(c => chunk.Contains(c.Id))
                         .Select(c => new Booked(c.Id,
                             c.Student != null ? c.Student.OrganizationId : null,
                             c.Student != null ? c.Student.StudentId : null,
                             c.Student != null ? c.Student.GraduationYear : null))
                         .ToListAsync(ct))
                known[client.ClientId] = client;
        for (var i = 0; i < ids.Count; i++)
            if (!known.ContainsKey(ids[i]))
                AddError(new ValidationFailure($"clientIds[{i}]", $"There is no client {ids[i]}."));
        return ids.Where(known.ContainsKey).Select(id => known[id]).ToList();
    }

    async Task CheckReferencesAsync(BulkScheduleSessionsRequest req, CancellationToken ct)
    {
        if (await SessionTypeDefaults.CheckAsync(db, req.SessionTypeId, held: null, ct) is { } typeError)
            AddError(r => r.SessionTypeId, typeError);
        foreach (var (field, id) in new[] { ("photographerId", req.PhotographerId), ("assistantId", req.AssistantId) })
            if (id is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
                AddError(new ValidationFailure(field, $"There is no active user {userId}."));
        if (req.ResourceId is { } resourceId && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.IsActive, ct))
            AddError(r => r.ResourceId, $"There is no active resource {resourceId}.");
    }

    /// <summary>
    /// One session per client: slot i starts at start + i × (slot + gap). Every slot must end on the same day and
    /// exist as written: a slot in or across a daylight-saving change (skipped or repeated hour) is refused.
    /// </summary>
    async Task<List<Session>> SlotsAsync(BulkScheduleSessionsRequest req, List<Booked> clients, CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var zone = StudioClock.Zone(settings.TimeZone);
        var first = WallClock.Parse(req.StartTime);
        var startMinute = first.Hour * 60 + first.Minute;
        var lastEnd = startMinute + (clients.Count - 1) * (req.SlotMinutes + req.GapMinutes) + req.SlotMinutes;
        if (clients.Count > 0 && lastEnd >= 24 * 60)
        {
            var fit = Math.Max(0, (24 * 60 - 1 - startMinute - req.SlotMinutes) / (req.SlotMinutes + req.GapMinutes) + 1);
            AddError(r => r.SlotMinutes,
                $"{clients.Count} slots of {req.SlotMinutes} minutes with {req.GapMinutes}-minute gaps from {req.StartTime} run past the end of the day: only {fit} fit. Start earlier, shorten the slots or book fewer clients.");
            return [];
        }

        var now = db.UtcNow;
        var sessions = new List<Session>(clients.Count);
        var dstProblems = new List<string>();
        for (var i = 0; i < clients.Count; i++)
        {
            var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinute + i * (req.SlotMinutes + req.GapMinutes)));
            var end = start.AddMinutes(req.SlotMinutes);
            var startsAt = StudioClock.ToUtc(req.Date, start, zone);
            var endsAt = StudioClock.ToUtc(req.Date, end, zone);
            if (startsAt is null || endsAt is null || endsAt.Value - startsAt.Value != TimeSpan.FromMinutes(req.SlotMinutes))
            {
                dstProblems.Add($"{WallClock.FormatTime(start)}–{WallClock.FormatTime(end)}");
                continue;
            }
            var client = clients[i];
            sessions.Add(new Session
            {
                ClientId = client.ClientId,
                SessionTypeId = req.SessionTypeId,
                Date = req.Date,
                StartTime = start,
                EndTime = end,
                StartsAt = startsAt.Value,
                EndsAt = endsAt.Value,
                PhotographerId = req.PhotographerId,
                AssistantId = req.AssistantId,
                ResourceId = req.ResourceId,
                OrganizationId = client.OrganizationId,
                StudentId = client.StudentId,
                GraduationYear = client.GraduationYear,
                BookedBy = author.Name,
                BookedOn = now,
            });
        }
        if (dstProblems.Count > 0)
            AddError(r => r.StartTime,
                $"On {req.Date:yyyy-MM-dd} the clocks change for daylight saving time in {settings.TimeZone}, and these slots fall in or across the change: {string.Join(", ", dstProblems)}. Schedule around it.");
        return sessions;
    }

    /// <summary>
    /// One query for everything the involved people and resource have booked over the whole span, then every slot is
    /// checked in memory (under the booking locks taken before the read, so nothing can slip in between).
    /// </summary>
    async Task CheckConflictsAsync(List<Session> sessions, List<long?> people, long? resourceId, CancellationToken ct)
    {
        var busy = await SessionBooking.Occupying(db, people, resourceId, sessions[0].StartsAt, sessions[^1].EndsAt)
            .OrderBy(s => s.StartsAt).ToListAsync(ct);
        // Appointments and extra calendar lines occupy people too (the single-booking checker sees them; so must this).
        var span = new Occupancy("bulk", 0, sessions[0].StartsAt, sessions[^1].EndsAt, people.OfType<long>().ToList(), resourceId);
        var otherBusy = (await BookingConflicts.FindAsync(db, span, ct)).Where(c => c.Kind != Occupancy.SessionKind).ToList();
        if (busy.Count == 0 && otherBusy.Count == 0)
            return;
        var problems = new List<BulkSlotConflict>();
        foreach (var slot in sessions)
        {
            var clashing = busy.Where(s => s.StartsAt < slot.EndsAt && slot.StartsAt < s.EndsAt)
                .Select(s => SessionBooking.Describe(s, people, resourceId))
                .Concat(otherBusy.Where(c => c.StartsAt.UtcDateTime < slot.EndsAt && slot.StartsAt < c.EndsAt.UtcDateTime))
                .ToList();
            if (clashing.Count > 0)
                problems.Add(new BulkSlotConflict
                {
                    ClientId = slot.ClientId,
                    StartTime = WallClock.FormatTime(slot.StartTime),
                    EndTime = WallClock.FormatTime(slot.EndTime),
                    Conflicts = clashing,
                });
        }
        if (problems.Count > 0)
            throw ApiProblem.Conflict(
                $"{problems.Count} of the {sessions.Count} slots collide with sessions already booked for the photographer, assistant or resource: see slotConflicts. Nothing was booked. "
                + "Send overrideConflicts: true to book anyway.",
                new Dictionary<string, object?> { ["slotConflicts"] = problems });
    }
}
