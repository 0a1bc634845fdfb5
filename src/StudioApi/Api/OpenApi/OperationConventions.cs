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
}
