using FluentValidation;

namespace StudioApi.Features.SessionTypes;

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

    public void ApplyTo(SessionType sessionType)
    {
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
    }
}
