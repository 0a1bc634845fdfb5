using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>Where FastEndpoints binds a request DTO property from, as the contract must show it.</summary>
public enum RequestSource
{
    Body,
    Route,
    Query,
    Header,
    /// <summary>Not from the caller (claims, permissions) or hidden from the docs: not part of the contract.</summary>
    None,
}

public static class RequestBinding
{
    /// <param name="property">A public property of the request DTO.</param>
    /// <param name="routeValues">The route value names of the endpoint (case-insensitive).</param>
    /// <param name="bodyless">GET, DELETE and HEAD bind everything else from the query string.</param>
    public static RequestSource SourceOf(PropertyInfo property, ISet<string> routeValues, bool bodyless)
    {
        if (property.IsDefined(typeof(FromClaimAttribute)) || property.IsDefined(typeof(HasPermissionAttribute))
            || property.IsDefined(typeof(HideFromDocsAttribute)) || property.IsDefined(typeof(JsonIgnoreAttribute)))
            return RequestSource.None;
        if (property.IsDefined(typeof(FromHeaderAttribute)))
            return RequestSource.Header;
        if (property.IsDefined(typeof(RouteParamAttribute)) || routeValues.Contains(WireName(property)))
            return RequestSource.Route;
        if (bodyless || property.IsDefined(typeof(QueryParamAttribute)))
            return RequestSource.Query;
        return RequestSource.Body;
    }

    /// <summary>The name the property has on the wire: [BindFrom] or [JsonPropertyName], else camelCase.</summary>
    public static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<BindFromAttribute>()?.Name
        ?? property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
