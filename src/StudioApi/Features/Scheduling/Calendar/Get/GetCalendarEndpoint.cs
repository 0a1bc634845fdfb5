using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Calendar.Get;

public sealed class GetCalendarRequest
{
    /// <summary>First day (in the studio's time zone).</summary>
    public DateOnly From { get; set; }
    /// <summary>Last day, inclusive; at most 62 days after from.</summary>
    public DateOnly To { get; set; }
    /// <summary>One user's calendar (sessions they photograph or assist, events, appointments they attend).</summary>
    public long? UserId { get; set; }
    /// <summary>One resource's calendar.</summary>
    public long? ResourceId { get; set; }
    /// <summary>Include cancelled sessions and appointments (left out by default).</summary>
    public bool? IncludeCancelled { get; set; }
}

public sealed class GetCalendarValidator : Validator<GetCalendarRequest>
{
    public const int MaxDays = 62;

    public GetCalendarValidator()
    {
        RuleFor(r => r.From).NotEmpty();
        RuleFor(r => r.To).NotEmpty()
            .GreaterThanOrEqualTo(r => r.From).WithMessage("to must not be before from.")
            .Must((r, to) => to.DayNumber - r.From.DayNumber < MaxDays).WithMessage($"A calendar covers at most {MaxDays} days.");
        RuleFor(r => r.UserId).GreaterThan(0);
        RuleFor(r => r.ResourceId).GreaterThan(0);
    }
}

public sealed class CalendarResponse
{
    [MaxLength(100_000)]
    public required IReadOnlyList<CalendarItem> Items { get; init; }
}

public sealed class GetCalendarEndpoint(StudioDbContext db) : Endpoint<GetCalendarRequest, CalendarResponse>
{
    public override void Configure()
    {
        Get("/calendar");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Calendar", "Get",
            "Get a calendar",
            "Sessions, their extra calendar lines and appointments over up to 62 days, for a user, a resource, or "
            + "everyone (the master calendar)."));
    }

    public override async Task HandleAsync(GetCalendarRequest req, CancellationToken ct)
    {
        var items = await new CalendarQuery(db).ReadAsync(
            new CalendarRange(req.From, req.To, req.UserId, req.ResourceId, req.IncludeCancelled == true), ct);
        await Send.OkAsync(new CalendarResponse { Items = items }, ct);
    }
}
