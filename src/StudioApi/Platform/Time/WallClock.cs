using System.Globalization;
using FluentValidation;

namespace StudioApi.Platform.Time;

/// <summary>
/// Wall-clock times of day as the API speaks them: "HH:mm", 24-hour, e.g. "09:30". Strings rather than TimeOnly's
/// "HH:mm:ss" JSON form, so a front end writes what its time pickers show and the contract carries the pattern.
/// </summary>
public static class WallClock
{
    public const string Pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    const string Format = "HH\\:mm";

    public static TimeOnly Parse(string text) => TimeOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.ToString(Format, CultureInfo.InvariantCulture);

    public static bool IsValid(string? text) =>
        text is not null && TimeOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A required "HH:mm" field.</summary>
    public static IRuleBuilderOptions<T, string> WallClockTime<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(5).Matches(Pattern).WithMessage("Use a 24-hour time HH:mm, such as 09:30.");
}
