using System.Text;

namespace StudioApi.Features.Imaging.Processing;

/// <summary>The values a file-name pattern can use for one rendered image.</summary>
public sealed record FileNameValues
{
    public string? SessionNumber { get; init; }
    public int ImageNumber { get; init; }
    public string? ClientLastName { get; init; }
    public string? ClientFirstName { get; init; }
    /// <summary>The position of the file in its run, from 1.</summary>
    public int FileNumber { get; init; }
    /// <summary>The imported file's name, without its extension.</summary>
    public string? OriginalName { get; init; }
    public string? ProfileName { get; init; }
    public string? StudentId { get; init; }
}

/// <summary>
/// A file-name pattern such as <c>{sessionNumber}-{imageNumber}</c>: literal text and fields in braces. Checked when a
/// profile is saved, so a render never meets a field it does not know.
/// </summary>
public sealed class FileNamePattern
{
    public const int MaxLength = 200;
    /// <summary>Longest name made (before the extension and any -2 suffix): safe on every file system and in zips.</summary>
    public const int MaxNameLength = 150;

    public static readonly IReadOnlyList<string> Fields =
        ["sessionNumber", "imageNumber", "clientLastName", "clientFirstName", "fileNumber", "originalName", "profileName", "studentId"];

    /// <summary>Characters Windows, macOS or Linux refuse in a file name, or that would make a path of it.</summary>
    static readonly char[] Unsafe = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    readonly IReadOnlyList<(bool IsField, string Text)> parts;

    FileNamePattern(IReadOnlyList<(bool, string)> parts) => this.parts = parts;

    /// <summary>Parses a pattern known to be valid (it was checked when the profile was saved).</summary>
    public static FileNamePattern Parse(string pattern) =>
        TryParse(pattern, out var parsed, out var error) ? parsed : throw new FormatException(error);

    public static bool TryParse(string? pattern, out FileNamePattern parsed, out string error)
    {
        parsed = new FileNamePattern([]);
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        if (string.IsNullOrWhiteSpace(pattern))
            return Fail("A file-name pattern is required, e.g. {sessionNumber}-{imageNumber}.", out error);

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '{')
            {
                var end = pattern.IndexOf('}', i + 1);
                if (end < 0)
                    return Fail($"The '{{' at position {i + 1} is never closed.", out error);
                var name = pattern[(i + 1)..end];
                if (name.Contains('{'))
                    return Fail($"The '{{' at position {i + 1} is never closed.", out error);
                if (!Fields.Contains(name))
                    return Fail($"Unknown field {{{name}}}. Fields: {string.Join(", ", Fields.Select(f => $"{{{f}}}"))}.", out error);
                if (literal.Length > 0)
                    parts.Add((false, literal.ToString()));
                literal.Clear();
                parts.Add((true, name));
                i = end;
            }
            else if (c == '}')
                return Fail($"The '}}' at position {i + 1} closes no field.", out error);
            else if (Unsafe.Contains(c) || char.IsControl(c))
                return Fail($"'{(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4") : c.ToString())}' cannot be in a file name.", out error);
            else
                literal.Append(c);
        }
        if (literal.Length > 0)
            parts.Add((false, literal.ToString()));
        if (!parts.Any(p => p.Item1))
            return Fail("The pattern needs at least one field, or every file would get the same name.", out error);

        parsed = new FileNamePattern(parts);
        error = "";
        return true;
    }

    static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    /// <summary>The file name (without extension) for one image; values are made safe for a file name.</summary>
    public string Apply(FileNameValues values)
    {
        var name = new StringBuilder();
        foreach (var (isField, text) in parts)
            name.Append(isField ? Sanitize(Value(text, values)) : text);
        var result = name.ToString().Trim().TrimEnd('.');
        if (result.Length > MaxNameLength)
            result = result[..MaxNameLength].TrimEnd().TrimEnd('.');
        return result.Length == 0 || result.All(c => c == '.') ? "image" : result;
    }

    static string Value(string field, FileNameValues values) => field switch
    {
        "sessionNumber" => values.SessionNumber ?? "",
        "imageNumber" => values.ImageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "clientLastName" => values.ClientLastName ?? "",
        "clientFirstName" => values.ClientFirstName ?? "",
        "fileNumber" => values.FileNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "originalName" => values.OriginalName ?? "",
        "profileName" => values.ProfileName ?? "",
        "studentId" => values.StudentId ?? "",
        _ => "",
    };

    /// <summary>A value from a record (a name, a student id) with everything a file system would refuse replaced by '_'.</summary>
    static string Sanitize(string value)
    {
        var safe = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
            safe.Append(Unsafe.Contains(c) || char.IsControl(c) ? '_' : c);
        // ".." alone would read as the parent folder in a zip.
        return safe.ToString().Replace("..", "_", StringComparison.Ordinal);
    }
}

/// <summary>The names given out in one run: a name already taken gets -2, -3… before its extension.</summary>
public sealed class FileNameSet
{
    readonly HashSet<string> taken = new(StringComparer.OrdinalIgnoreCase);

    public string Reserve(string name, string extension)
    {
        var candidate = $"{name}{extension}";
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{name}-{n}{extension}";
        return candidate;
    }

    public static string ExtensionOf(OutputFormat format) => format switch
    {
        OutputFormat.Png => ".png",
        OutputFormat.Tiff => ".tif",
        _ => ".jpg",
    };
}
