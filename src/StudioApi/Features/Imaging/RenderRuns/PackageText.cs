using System.Globalization;
using System.Text;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Text for a delivery package's files: Windows-1252 (the "ANSI" text the yearbook programs on Windows read), so
/// Müller and Ødegaard keep their letters; a letter outside it loses its accent (Ł → L, ő → o) and anything still
/// outside becomes '?'. No tab, carriage return or line feed inside a field.
/// </summary>
public static class PackageText
{
    public static readonly Encoding Encoding = Make();

    static Encoding Make()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    static readonly Dictionary<char, string> Fold = new()
    {
        ['Ł'] = "L", ['ł'] = "l", ['Đ'] = "D", ['đ'] = "d", ['Ħ'] = "H", ['ħ'] = "h", ['ı'] = "i", ['ŀ'] = "l", ['Ŀ'] = "L",
    };

    /// <summary>One field of a line: what Windows-1252 can hold of it, with tabs and line breaks turned into spaces.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (c is '\t' or '\r' or '\n')
                text.Append(' ');
            else if (Fits(c))
                text.Append(c);
            else if (Fold.TryGetValue(c, out var folded))
                text.Append(folded);
            else
            {
                var bare = c.ToString().Normalize(NormalizationForm.FormD)
                    .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
                text.Append(bare.Length > 0 && bare.All(Fits) ? new string(bare) : "?");
            }
        }
        return text.ToString();
    }

    static readonly Dictionary<char, string> Ascii = new()
    {
        ['Ø'] = "O", ['ø'] = "o", ['Æ'] = "AE", ['æ'] = "ae", ['Œ'] = "OE", ['œ'] = "oe", ['ß'] = "ss", ['Þ'] = "TH", ['þ'] = "th",
        ['Ð'] = "D", ['ð'] = "d",
    };

    /// <summary>The text in plain ASCII letters where it can be (accents dropped, Ø → O, Ł → L, ß → ss), for short file names.</summary>
    public static string FoldToAscii(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 0x80)
                folded.Append(c);
            else if (Ascii.TryGetValue(c, out var a) || Fold.TryGetValue(c, out a))
                folded.Append(a);
            else
                folded.Append(c.ToString().Normalize(NormalizationForm.FormD)
                    .Where(d => d < 0x80 && CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray());
        }
        return folded.ToString();
    }

    static bool Fits(char c) => c < 0x80 || Encoding.GetString(Encoding.GetBytes([c])) == c.ToString();
}
