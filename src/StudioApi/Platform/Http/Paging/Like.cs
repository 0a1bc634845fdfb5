namespace StudioApi.Platform.Http.Paging;

/// <summary>Builds LIKE patterns from user text, escaping the wildcards in it.</summary>
public static class Like
{
    public const string Escape = "\\";

    public static string Contains(string text) => $"%{EscapeWildcards(text.Trim())}%";

    public static string StartsWith(string text) => $"{EscapeWildcards(text.Trim())}%";

    static string EscapeWildcards(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");
}
