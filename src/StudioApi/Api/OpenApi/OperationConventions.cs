namespace StudioApi.Api.OpenApi;

public static class OperationConventions
{
    /// <summary>
    /// Names an operation for the contract: a stable id (<c>Clients_Create</c>, which becomes the SDK method),
    /// its tag (one per record type) and a one-line summary. Ids are written out, not derived from class names,
    /// so moving a slice never renames an SDK method.
    /// </summary>
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string tag, string name, string summary) =>
        builder.WithName($"{tag}_{name}").WithTags(tag).WithSummary(summary);

    /// <summary>
    /// A POST that creates something other than a record (an entry of a log, say) but, like a record's creation, answers
    /// 201 with Location and the ETag of the record it changed.
    /// </summary>
    public static RouteHandlerBuilder AnswersCreatedWithETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AnswersCreatedWithETag());
}

/// <summary>Endpoint metadata: see <see cref="OperationConventions.AnswersCreatedWithETag"/>.</summary>
public sealed class AnswersCreatedWithETag;
