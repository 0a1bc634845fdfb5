using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Cors;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Scheduling.OnlineBooking.Availability;

public sealed class GetOnlineAvailabilityRequest
{
    /// <summary>The studio's online booking key (see the studio settings).</summary>
    [QueryParam]
    public string BookingKey { get; set; } = "";
    [QueryParam]
    public long SessionTypeId { get; set; }
    /// <summary>First day, in the studio's time zone.</summary>
    [QueryParam]
    public DateOnly From { get; set; }
    /// <summary>Last day (inclusive), at most 31 days after from.</summary>
    [QueryParam]
    public DateOnly To { get; set; }
}

public sealed class GetOnlineAvailabilityValidator : Validator<GetOnlineAvailabilityRequest>
{
    public GetOnlineAvailabilityValidator()
    {
        RuleFor(r => r.BookingKey).NotEmpty().MaximumLength(64);
        RuleFor(r => r.SessionTypeId).GreaterThan(0);
        RuleFor(r => r.From).NotEmpty();
        RuleFor(r => r.To).NotEmpty()
            .Must((r, to) => to >= r.From && to.DayNumber - r.From.DayNumber < OnlineAvailability.MaxRangeDays)
            .WithMessage($"to must be on or after from, at most {OnlineAvailability.MaxRangeDays} days in all.");
    }
}

public sealed class OnlineAvailabilityResponse
{
    public required long SessionTypeId { get; init; }
    /// <summary>The studio's IANA time zone: dates and times are wall-clock times in it.</summary>
    [MaxLength(100)]
    public required string TimeZone { get; init; }
    /// <summary>Free slots in time order.</summary>
    [MaxLength(20_000)]
    public required IReadOnlyList<AvailableSlot> Slots { get; init; }
}

/// <summary>The free slots a client may book online: public, addressed by the studio's booking key.</summary>
public sealed class GetOnlineAvailabilityEndpoint(OnlineAvailability availability)
    : Endpoint<GetOnlineAvailabilityRequest, OnlineAvailabilityResponse>
{
    public override void Configure()
    {
        Get("/online-booking/availability");
        AllowAnonymous();
        Description(d => d.Operation("OnlineBooking", "GetAvailability",
                "List free online-booking slots",
                "The free slots of an online-bookable session type over up to 31 days, addressed by the studio's booking key.")
            .OpenToAnyOrigin()
            .ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(GetOnlineAvailabilityRequest req, CancellationToken ct)
    {
        var settings = await availability.SettingsForKeyAsync(req.BookingKey, ct);
        var bookable = await availability.BookableTypeAsync(req.SessionTypeId, ct);
        var slots = await availability.FreeSlotsAsync(settings, bookable, req.From, req.To, photographerId: null, ct);
        await Send.OkAsync(new OnlineAvailabilityResponse { SessionTypeId = req.SessionTypeId, TimeZone = settings.TimeZone, Slots = slots }, ct);
    }
}
