using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Concurrency;

/// <summary>
/// ETag / If-Match handling: the ETag of a record is its version in quotes (<c>"3"</c>). Updates and deletes
/// must send If-Match (428 without it); a stale one gets 412 and nothing is written.
/// </summary>
public static class Versioning
{
    public const string IfMatchHeader = "If-Match";

    public static string ETagOf(AuditedRecord record) => $"\"{record.Version}\"";

    public static void WriteETag(this HttpContext httpContext, AuditedRecord record) =>
        httpContext.Response.Headers.ETag = ETagOf(record);

    /// <summary>
    /// Checks If-Match against the record as read and pins the version EF will compare on save,
    /// so a change that lands between this read and our write is caught too (DbUpdateConcurrencyException → 412).
    /// </summary>
    public static void MatchVersion(this StudioDbContext db, AuditedRecord record, string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            throw ApiProblem.PreconditionRequired();
        if (ifMatch.Trim() == "*")
            return;
        var expected = ParseVersion(ifMatch);
        if (expected != record.Version)
            throw ApiProblem.PreconditionFailed(record.Version);
        db.Entry(record).Property(r => r.Version).OriginalValue = expected;
    }

    static int ParseVersion(string ifMatch)
    {
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        value = value.Trim('"');
        return int.TryParse(value, out var version) && version > 0
            ? version
            : throw ApiProblem.InvalidInput(IfMatchHeader, $"If-Match must be an ETag such as \"3\" (the record's version); got {ifMatch}.");
    }
}
