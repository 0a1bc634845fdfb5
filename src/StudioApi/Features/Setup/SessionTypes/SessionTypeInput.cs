using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes;

/// <summary>The fields of a session type a caller sets, shared by create and update.</summary>
public abstract class SessionTypeInput
{
    public const int MinLengthMinutes = 5;
    /// <summary>A whole day: a picture day or a wedding is booked as one session.</summary>
    public const int MaxLengthMinutes = 24 * 60;

    public string Name { get; set; } = "";
    /// <summary>portrait (the default), organization (a school's picture day) or socialEvent (weddings, parties).</summary>
    public SessionStyle Style { get; set; }
    /// <summary>How long a session of this type lasts unless its end is given (5–1440 minutes).</summary>
    public int DefaultLengthMinutes { get; set; }
    /// <summary>
    /// The title of its sessions on calendars and feeds, with placeholders {number}, {client}, {type}, {photographer},
    /// {assistant}, {resource}, {location}, {description}. Defaults to "{photographer} – {client} ({type})".
    /// </summary>
    public string? CalendarTemplate { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive type is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Whether clients may book this type themselves through online booking (default false).</summary>
    public bool OnlineBookable { get; set; }
    /// <summary>How online bookings are offered; omit for the defaults (type's length, no buffers, 24 hours' notice, 90 days ahead, any photographer).</summary>
    public BookingRulesData? BookingRules { get; set; }

    public void ApplyTo(SessionType sessionType)
    {
        var rules = BookingRules ?? new BookingRulesData();
        sessionType.OnlineBookable = OnlineBookable;
        sessionType.BookingRules = new BookingRules
        {
            SlotMinutes = rules.SlotMinutes,
            BufferBeforeMinutes = rules.BufferBeforeMinutes,
            BufferAfterMinutes = rules.BufferAfterMinutes,
            MinNoticeHours = rules.MinNoticeHours,
            MaxDaysAhead = rules.MaxDaysAhead,
            PhotographerIds = (rules.PhotographerIds ?? []).Distinct().ToList(),
            ResourceId = rules.ResourceId,
            DepositAmount = rules.DepositAmount,
            DepositPercent = rules.DepositPercent,
        };
        sessionType.Name = Name.Trim();
        sessionType.Style = Style;
        sessionType.DefaultLengthMinutes = DefaultLengthMinutes;
        sessionType.CalendarTemplate = string.IsNullOrWhiteSpace(CalendarTemplate)
            ? SessionTypes.CalendarTemplate.Default
            : CalendarTemplate.Trim();
        sessionType.SortOrder = SortOrder;
        sessionType.IsActive = IsActive;
    }
}

public sealed class SessionTypeInputValidator : AbstractValidator<SessionTypeInput>
{
    public SessionTypeInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.Style).IsInEnum();
        RuleFor(t => t.DefaultLengthMinutes).InclusiveBetween(SessionTypeInput.MinLengthMinutes, SessionTypeInput.MaxLengthMinutes);
        RuleFor(t => t.CalendarTemplate).MaximumLength(CalendarTemplate.MaxLength)
            .Must(t => t is null || !CalendarTemplate.Unknown(t).Any())
            .WithMessage(t => $"Unknown placeholder(s) {string.Join(", ", CalendarTemplate.Unknown(t.CalendarTemplate!).Select(p => "{" + p + "}"))}; "
                              + $"use {string.Join(", ", CalendarTemplate.Placeholders.Select(p => "{" + p + "}"))}.");
        RuleFor(t => t.SortOrder).InclusiveBetween(0, 1_000_000);
        RuleFor(t => t.BookingRules!).SetValidator(new BookingRulesDataValidator()).When(t => t.BookingRules is not null);
    }
}

/// <summary>Online booking rules as the API speaks them (input and response).</summary>
public sealed class BookingRulesData
{
    public const int MaxPhotographers = 20;

    /// <summary>Length of a bookable slot (5–1440 minutes); null means the type's default length.</summary>
    public int? SlotMinutes { get; set; }
    /// <summary>Free minutes the photographer and resource need before a booking (0–240).</summary>
    public int BufferBeforeMinutes { get; set; }
    /// <summary>Free minutes they need after it (0–240).</summary>
    public int BufferAfterMinutes { get; set; }
    /// <summary>The earliest bookable start is this many hours from now (0–8760, default 24).</summary>
    public int MinNoticeHours { get; set; } = 24;
    /// <summary>The latest bookable day is this many days from today (1–730, default 90).</summary>
    public int MaxDaysAhead { get; set; } = 90;
    /// <summary>Ids of the users who take online bookings of this type; empty means any active photographer.</summary>
    [MaxLength(MaxPhotographers)]
    public List<long>? PhotographerIds { get; set; }
    /// <summary>Id of the camera room or other resource every online booking of this type uses, if any.</summary>
    public long? ResourceId { get; set; }
    /// <summary>
    /// An online booking pays a deposit by card (Stripe) before it is confirmed: a fixed amount in minor units, at most
    /// the session fee. The booking makes the session's session-fee invoice with the deposit due now.
    /// </summary>
    public Money? DepositAmount { get; set; }
    /// <summary>Or the deposit as a percentage of the session fee (more than 0, at most 100). Neither: no deposit.</summary>
    public Rate? DepositPercent { get; set; }

    public static BookingRulesData From(BookingRules r) => new()
    {
        SlotMinutes = r.SlotMinutes,
        BufferBeforeMinutes = r.BufferBeforeMinutes,
        BufferAfterMinutes = r.BufferAfterMinutes,
        MinNoticeHours = r.MinNoticeHours,
        MaxDaysAhead = r.MaxDaysAhead,
        PhotographerIds = [.. r.PhotographerIds],
        ResourceId = r.ResourceId,
        DepositAmount = r.DepositAmount,
        DepositPercent = r.DepositPercent,
    };
}

public sealed class BookingRulesDataValidator : AbstractValidator<BookingRulesData>
{
    public BookingRulesDataValidator()
    {
        RuleFor(r => r.SlotMinutes).InclusiveBetween(SessionTypeInput.MinLengthMinutes, SessionTypeInput.MaxLengthMinutes);
        RuleFor(r => r.BufferBeforeMinutes).InclusiveBetween(0, 240);
        RuleFor(r => r.BufferAfterMinutes).InclusiveBetween(0, 240);
        RuleFor(r => r.MinNoticeHours).InclusiveBetween(0, 8760);
        RuleFor(r => r.MaxDaysAhead).InclusiveBetween(1, 730);
        RuleFor(r => r.PhotographerIds).MaxItems(BookingRulesData.MaxPhotographers)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Give each photographer once.");
        RuleForEach(r => r.PhotographerIds).GreaterThan(0);
        RuleFor(r => r.ResourceId).GreaterThan(0);
        RuleFor(r => r.DepositAmount!.Value).Must(a => a.MinorUnits > 0).OverridePropertyName("depositAmount")
            .When(r => r.DepositAmount is not null).WithMessage("A deposit is more than 0 minor units.");
        RuleFor(r => r.DepositPercent!.Value).Must(p => p.Value is > 0m and <= 100m && p.Scale <= 4).OverridePropertyName("depositPercent")
            .When(r => r.DepositPercent is not null).WithMessage("A deposit percentage is more than 0 and at most 100, with at most 4 decimals.");
        RuleFor(r => r.DepositPercent).Null().When(r => r.DepositAmount is not null).WithMessage("A deposit is an amount or a percentage, not both.");
    }
}

public static class BookingRulesReferences
{
    /// <summary>
    /// Field errors for booking-rule references to users and resources that do not exist or are inactive. References
    /// the type already holds stay acceptable, so a type whose photographer left can still be edited.
    /// </summary>
    public static async Task<List<(string Field, string Message)>> CheckBookingReferencesAsync(
        this SessionTypeInput input, StudioDbContext db, BookingRules? held, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (input.BookingRules is not { } rules)
            return errors;
        var wanted = (rules.PhotographerIds ?? []).Except(held?.PhotographerIds ?? []).ToList();
        if (wanted.Count > 0)
        {
            var active = await db.Users.Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
            foreach (var id in wanted.Except(active))
                errors.Add(("bookingRules.photographerIds", $"There is no active user {id}."));
        }
        if (rules.ResourceId is { } resourceId && resourceId != held?.ResourceId
            && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.IsActive, ct))
            errors.Add(("bookingRules.resourceId", $"There is no active resource {resourceId}."));
        return errors;
    }
}
