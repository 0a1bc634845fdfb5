using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Appointments.List;

public sealed class ListAppointmentsRequest : ListRequest
{
    /// <summary>Appointments on or after this day.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>Appointments on or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    /// <summary>Appointments this user attends.</summary>
    public long? UserId { get; set; }
    public long? ResourceId { get; set; }
    public long? ClientId { get; set; }
    public long? SessionId { get; set; }
    public bool? Cancelled { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListAppointmentsValidator : ListRequestValidator<ListAppointmentsRequest, Appointment>
{
    public ListAppointmentsValidator() : base(ListAppointmentsEndpoint.SortKeys)
    {
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

public sealed class ListAppointmentsEndpoint(StudioDbContext db) : Endpoint<ListAppointmentsRequest, Page<AppointmentResponse>>
{
    internal static readonly SortKeys<Appointment> SortKeys = new SortKeys<Appointment>("date")
        .Add("date", a => a.StartsAt)
        .Add("createdAt", a => a.CreatedAt);

    public override void Configure()
    {
        Get("/appointments");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Appointments", "List", "List appointments",
            "Filter by date range, user, resource, client, session and cancellation."));
    }

    public override async Task HandleAsync(ListAppointmentsRequest req, CancellationToken ct)
    {
        var query = db.Appointments.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(a => a.DeletedAt != null);
        // The start instant bounds the days too, so the date order's index serves a range of days.
        if (req.DateFrom is { } from)
        {
            var earliest = StudioClock.EarliestInstantOn(from);
            query = query.Where(a => a.Date >= from && a.StartsAt >= earliest);
        }
        if (req.DateTo is { } to)
        {
            var after = StudioClock.InstantAfter(to);
            query = query.Where(a => a.Date <= to && a.StartsAt < after);
        }
        if (req.UserId is { } userId)
            query = query.Where(a => a.Staff.Any(s => s.UserId == userId));
        if (req.ResourceId is { } resourceId)
            query = query.Where(a => a.ResourceId == resourceId);
        if (req.ClientId is { } clientId)
            query = query.Where(a => a.ClientId == clientId);
        if (req.SessionId is { } sessionId)
            query = query.Where(a => a.SessionId == sessionId);
        if (req.Cancelled is { } cancelled)
            query = query.Where(a => a.Cancelled == cancelled);
        // The page's ids from the sort's index, then those appointments with their staff.
        var records = db.Appointments.IgnoreQueryFilters().AsNoTracking();
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, AppointmentResponse.From, ct), ct);
    }
}
