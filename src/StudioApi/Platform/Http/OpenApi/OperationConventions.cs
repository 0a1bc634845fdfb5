namespace StudioApi.Platform.Http.OpenApi;

public static class OperationConventions
{
    /// <summary>
    /// Names an operation for the contract: a stable id (<c>Clients_Create</c>, which becomes the SDK method), its tag
    /// (one per record type, listed in <see cref="ApiTags"/>), a summary and, optionally, a description. The summary
    /// is what the reference page lists and the SDKs put on the method: a short imperative line ("Create a client",
    /// at most 60 characters); conditions, refusals and limits go into the description. Ids are written out, not
    /// derived from class names, so moving a slice never renames an SDK method.
    /// </summary>
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string tag, string name, string summary, string? description = null)
    {
        builder.WithName($"{tag}_{name}").WithTags(tag).WithSummary(summary);
        return description is null ? builder : builder.WithDescription(description);
    }

    /// <summary>
    /// A POST that creates something other than a record (an entry of a log, say) but, like a record's creation, answers
    /// 201 with Location and the ETag of the record it changed.
    /// </summary>
    public static RouteHandlerBuilder AnswersCreatedWithETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AnswersCreatedWithETag());

    /// <summary>
    /// A status the endpoint answers beyond what the conventions list (413 for an upload too large, 206 and 304 for a
    /// file): an error becomes a problem response, a success one without a body of its own (206 carries the 200's).
    /// Also replaces a convention's description of that status.
    /// </summary>
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder builder, int status, string description) =>
        builder.WithMetadata(new DocumentedStatus(status, description));

    /// <summary>
    /// The body is multipart/form-data with one or many files in the part <paramref name="field"/>, which the endpoint
    /// reads itself as a stream (FastEndpoints' form binding is off), so the DTO says nothing about it.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFiles(this RouteHandlerBuilder builder, string field, int maxFiles, string description) =>
        builder.WithMetadata(new MultipartFilesBody(field, maxFiles, description));
}

/// <summary>Endpoint metadata: see <see cref="OperationConventions.Answers"/>.</summary>
public sealed record DocumentedStatus(int Status, string Description);

/// <summary>Endpoint metadata: see <see cref="OperationConventions.AcceptsFiles"/>.</summary>
public sealed record MultipartFilesBody(string Field, int MaxFiles, string Description);

/// <summary>Endpoint metadata: see <see cref="OperationConventions.AnswersCreatedWithETag"/>.</summary>
public sealed class AnswersCreatedWithETag;
