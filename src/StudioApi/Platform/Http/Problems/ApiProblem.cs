namespace StudioApi.Platform.Http.Problems;

/// <summary>
/// A request that breaks a rule of the API. Thrown from a slice, written once as an RFC 9457 problem
/// by <see cref="ApiProblemHandler"/>, so every slice reports conflicts, stale versions and broken rules the same way.
/// </summary>
public sealed class ApiProblem(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    /// <summary>Response headers the problem comes with (Retry-After on a 409 that will clear by itself).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    /// <summary>Tells the caller when trying again makes sense, in whole seconds (at least one).</summary>
    public ApiProblem WithRetryAfter(TimeSpan wait)
    {
        Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>
    /// A 400 about one input that validators do not see (a header, a paging cursor), shaped like a validation problem:
    /// <c>errors</c> names it as the caller sends it (<c>If-Match</c>, <c>cursor</c>).
    /// </summary>
    public static ApiProblem InvalidInput(string name, string reason) =>
        new(StatusCodes.Status400BadRequest, "Bad request", reason,
            new Dictionary<string, object?> { ["errors"] = new[] { new Dictionary<string, string> { ["name"] = name, ["reason"] = reason } } });

    /// <summary>
    /// A 400 naming several inputs at once, shaped like a validation problem, for rules checked outside the endpoint's
    /// validator (references checked against the database by a service the endpoint calls).
    /// </summary>
    public static ApiProblem InvalidFields(IEnumerable<(string Name, string Reason)> fields)
    {
        var errors = fields.Select(f => new Dictionary<string, string> { ["name"] = f.Name, ["reason"] = f.Reason }).ToArray();
        return new(StatusCodes.Status400BadRequest, "Bad request", errors.Length == 1 ? errors[0]["reason"] : "One or more fields were refused: see errors.",
            new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>Also what a caller gets for a record it may not see: a 404, not a 403, so existence does not leak.</summary>
    public static ApiProblem NotFound(string what, object id) =>
        new(StatusCodes.Status404NotFound, "Not found", $"There is no {what} {id}.");

    /// <summary>The caller's role may use the endpoint but not on this record (a photographer and someone else's session).</summary>
    public static ApiProblem Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ApiProblem Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail, extensions);

    public static ApiProblem PreconditionRequired() =>
        new(StatusCodes.Status428PreconditionRequired, "Precondition required",
            "This change needs an If-Match header carrying the record's current ETag (its version), so it cannot overwrite a change you have not seen.");

    public static ApiProblem PreconditionFailed(int currentVersion) =>
        new(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            "The record was changed by someone else since you read it: nothing was overwritten. Read it again and retry with the new ETag.",
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static ApiProblem RuleBroken(string detail, IDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status422UnprocessableEntity, "Rule broken", detail, extensions);
}
