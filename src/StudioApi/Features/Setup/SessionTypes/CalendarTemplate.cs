using System.Text.RegularExpressions;

namespace StudioApi.Features.Setup.SessionTypes;

/// <summary>
/// How a session of a type is titled on calendars and in feeds: text with placeholders in braces, e.g.
/// "{photographer} – {client} ({type})" puts the photographer first. A placeholder whose value is missing becomes empty.
/// </summary>
public static partial class CalendarTemplate
{
    public const string Default = "{photographer} – {client} ({type})";
    public const int MaxLength = 200;

    public static readonly IReadOnlyList<string> Placeholders =
        ["number", "client", "type", "photographer", "assistant", "resource", "location", "description"];

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The placeholders in the template that are not known.</summary>
    public static IEnumerable<string> Unknown(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct();

    /// <summary>The template with each placeholder replaced; the leftover separators of empty values are trimmed.</summary>
    public static string Apply(string template, IReadOnlyDictionary<string, string?> values)
    {
        var text = PlaceholderPattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value) ?? "");
        text = text.Replace("()", "").Trim().Trim('–', '-', ',', ' ');
        return text.Length == 0 ? "Session" : text;
    }
}
