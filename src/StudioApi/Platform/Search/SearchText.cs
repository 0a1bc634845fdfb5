using System.Globalization;
using System.Text;

namespace StudioApi.Platform.Search;

/// <summary>
/// How text becomes search terms and sort keys, and a query becomes prefixes: one set of rules for every searchable
/// list, so "jose" finds "José" and "o'b" finds "O'Brien" wherever a front desk types them.
/// <list type="bullet">
/// <item>Folding: lower case, accents removed (é → e, ü → u, and ø → o, æ → ae, ß → ss, ł → l, đ → d, þ → th, which
/// have no accent to remove), and everything but letters and digits dropped ("O'Brien" → "obrien").</item>
/// <item>Words: a text is split at spaces and punctuation, except an apostrophe inside a word ("O'Brien" is one word);
/// a name of several words is also a term as a whole ("van der Berg" → "van", "der", "berg", "vanderberg").</item>
/// <item>A query word matches a term that starts with it (folded the same way), so every word typed is a prefix.</item>
/// </list>
/// </summary>
public static class SearchText
{
    /// <summary>
    /// The version of these rules. A record whose terms were built with another (0: a row written without the app)
    /// has them rebuilt by <see cref="SearchIndexCatchUp"/> at start; raise it whenever the rules change.
    /// </summary>
    public const int Version = 1;

    /// <summary>The term columns' collation on SQL Server: code-point order, the order <see cref="PrefixEnd"/> assumes.</summary>
    public const string SqlServerCollation = "Latin1_General_100_BIN2";

    /// <summary>Terms are cut to this length; a longer query word is cut too, so it still finds them.</summary>
    public const int MaxTermLength = 64;

    /// <summary>Phone numbers are found by any run of at least this many of their digits (see <see cref="DigitRuns"/>).</summary>
    public const int MinDigitRun = 3;

    /// <summary>At most this many words of a query are used.</summary>
    public const int MaxQueryWords = 5;

    /// <summary>Lower case, without accents, letters and digits only.</summary>
    public static string Fold(string? text) => Normalize(text, keepSpaces: false);

    /// <summary>
    /// A sort key: the texts folded like terms but with their words kept apart by single spaces and the texts joined
    /// by one ("De la Cruz", "Ana" → "de la cruz ana"), so names sort in any case and with accents among their letters.
    /// </summary>
    public static string SortKey(int maxLength, params string?[] texts)
    {
        var key = string.Join(' ', texts.Select(t => Normalize(t, keepSpaces: true)));
        return key.Length <= maxLength ? key : key[..maxLength];
    }

    /// <summary>The terms of a name or other short text: its words, and the whole when it has several.</summary>
    public static IEnumerable<string> NameTerms(string? text)
    {
        var words = Words(text).ToList();
        foreach (var word in words)
            yield return word;
        if (words.Count > 1)
            yield return Cut(string.Concat(words));
    }

    /// <summary>The terms of longer text (a description): its words only.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (IsWordCharacter(text[i]) || (start >= 0 && IsApostrophe(text[i])));
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var word = Fold(text[start..i]);
                if (word.Length > 0)
                    yield return Cut(word);
                start = -1;
            }
        }
    }

    /// <summary>
    /// The terms of an email address: the whole address (so "mae.mailer@inb" finds mae.mailer@inbox.example) and the
    /// words before the @ ("mailer" finds it too); not the domain's words, which half the clients share.
    /// </summary>
    public static IEnumerable<string> EmailTerms(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            yield break;
        var whole = Fold(address);
        if (whole.Length > 0)
            yield return Cut(whole);
        var at = address.IndexOf('@');
        foreach (var word in Words(at < 0 ? address : address[..at]))
            yield return word;
    }

    /// <summary>
    /// The terms of a phone number's digits: every run from each digit to the end that is at least
    /// <see cref="MinDigitRun"/> long, so a prefix search finds the number by any part of it ("5550", "0100", "2175").
    /// </summary>
    public static IEnumerable<string> DigitRuns(string? digits)
    {
        if (string.IsNullOrEmpty(digits))
            yield break;
        for (var start = 0; start <= digits.Length - Math.Min(MinDigitRun, digits.Length); start++)
            yield return Cut(digits[start..]);
    }

    /// <summary>
    /// The prefixes a query asks for, each of which a record must match: its words folded, or, for a query with digits
    /// and no letters ("(217) 555-0100"), its digits as one number. Empty when nothing searchable is left.
    /// </summary>
    public static IReadOnlyList<string> QueryPrefixes(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return [];
        if (!query.Any(char.IsLetter) && query.Any(char.IsAsciiDigit))
            return [Cut(Digits(query))];
        return query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Cut(Fold(word)))
            .Where(word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryWords)
            .ToList();
    }

    /// <summary>The digits of a text, for phone numbers.</summary>
    public static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The first string after every string that starts with <paramref name="prefix"/> in ordinal order, so
    /// <c>term &gt;= prefix AND term &lt; PrefixEnd(prefix)</c> is a seek on the term index on every provider (a LIKE with
    /// a parameter is not, on SQLite). Terms hold only folded letters and digits, so the last character can be raised.
    /// </summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The range of terms starting with <paramref name="prefix"/>: <c>From &lt;= term &lt; To</c> (see <see cref="PrefixEnd"/>).</summary>
    public static (string From, string To) PrefixRange(string prefix) => (prefix, PrefixEnd(prefix));

    static string Cut(string term) => term.Length <= MaxTermLength ? term : term[..MaxTermLength];

    static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    static string Normalize(string? text, bool keepSpaces)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                var lower = char.ToLowerInvariant(c);
                // Appended as a char unless spelled otherwise: a string per letter made indexing 5,000 new students cost ~0.3 s.
                if (Spelled(lower) is { } spelled)
                    builder.Append(spelled);
                else
                    builder.Append(lower);
            }
            else if (keepSpaces && (char.IsWhiteSpace(c) || c is '-' or '/' or ',' or '.' or '&' or '_'))
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>Letters that are not a base letter plus an accent, written as a front desk would type them.</summary>
    static string? Spelled(char c) => c switch
    {
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ł' => "l",
        'đ' => "d",
        'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
