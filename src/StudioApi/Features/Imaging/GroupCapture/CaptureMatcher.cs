using System.Globalization;
using System.Text.RegularExpressions;

namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>A live session of the organization, as group capture matches files to it.</summary>
public sealed record CaptureCandidate(long SessionId, int Number, string? StudentId);

/// <summary>
/// Finds the session a picture-day file belongs to from its name: the base name without extension, or without a
/// pose suffix (<c>_2</c>, <c>-2</c>) when the whole name finds nothing. Each name is tried as a student id first,
/// then as a session number. Two sessions for one name is no match: guessing would file a child's photo under another.
/// </summary>
public sealed partial class CaptureMatcher(IReadOnlyList<CaptureCandidate> sessions)
{
    readonly ILookup<string, CaptureCandidate> byStudentId = sessions.Where(s => !string.IsNullOrWhiteSpace(s.StudentId))
        .ToLookup(s => s.StudentId!.Trim(), StringComparer.OrdinalIgnoreCase);
    readonly ILookup<int, CaptureCandidate> byNumber = sessions.ToLookup(s => s.Number);

    /// <summary>The session, or null with the reason there is none.</summary>
    public (long? SessionId, string? Reason) Match(string fileName)
    {
        var baseName = Path.GetFileNameWithoutExtension(fileName).Trim();
        var names = PoseSuffix().Match(baseName) is { Success: true } pose ? [baseName, pose.Groups["name"].Value] : new[] { baseName };
        foreach (var name in names.Where(n => n.Length > 0))
        {
            var found = byStudentId[name].ToList();
            if (found.Count == 0 && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                found = byNumber[number].ToList();
            if (found.Count == 1)
                return (found[0].SessionId, null);
            if (found.Count > 1)
                return (null, $"'{name}' fits {found.Count} sessions ({string.Join(", ", found.Select(s => s.Number))}); assign it to the right one.");
        }
        return (null, $"No session of the organization has the student id or session number '{names[^1]}'.");
    }

    [GeneratedRegex(@"^(?<name>.+?)[_-](?<pose>\d{1,3})$")]
    private static partial Regex PoseSuffix();
}
