using System.Text;
using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.RateLimiting;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.Token;

/// <summary>RFC 6749 §5.1: the names are OAuth2's, not camelCase.</summary>
public sealed class PartnerTokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    /// <summary>Always <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string TokenType { get; set; } = "Bearer";

    /// <summary>Seconds until the token expires; then ask for a new one with the same credentials (there is no refresh token).</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    /// <summary>The scopes granted, space-separated.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; set; } = "";
}

/// <summary>
/// OAuth2 client credentials (RFC 6749 §4.4) for partner clients. Errors are RFC 9457 problems that also carry RFC
/// 6749 §5.2's <c>error</c> and <c>error_description</c>, so OAuth2 libraries and our problem readers both understand them.
/// </summary>
public sealed class CreatePartnerTokenEndpoint(StudioDbContext db, PartnerTokenIssuer tokens) : EndpointWithoutRequest<PartnerTokenResponse>
{
    const string FormType = "application/x-www-form-urlencoded";
    const int MaxBytes = 4096;

    public override void Configure()
    {
        Post("/oauth/token");
        AllowAnonymous();
        Description(d => d.Operation("PartnerClients", "CreateToken", "Get a partner access token",
                "OAuth2 client credentials (RFC 6749 §4.4): a form with `grant_type=client_credentials` and the client id and secret, " +
                "either as `client_id` and `client_secret` fields or as HTTP Basic authentication. Answers a bearer token for the " +
                "client's organizations and scopes (`scope` may ask for fewer). Errors carry RFC 6749 §5.2's `error` " +
                "(`invalid_request`, `invalid_client`, `unsupported_grant_type`, `invalid_scope`) beside the problem fields.")
            .AcceptsFormBody(MaxBytes,
                ("grant_type", true, "Always client_credentials."),
                ("client_id", false, "The client id, unless sent with HTTP Basic."),
                ("client_secret", false, "The secret, unless sent with HTTP Basic."),
                ("scope", false, "Space-separated scopes to limit the token to; all the client's when left out."))
            .Answers(400, "The form is malformed (`invalid_request`, naming the field), the grant is not client_credentials " +
                          "(`unsupported_grant_type`), or the scope asks for more than the client has (`invalid_scope`).")
            .Answers(401, "The client id or secret is wrong, or the client is revoked (`invalid_client`).")
            .Answers(415, "The body is not a form (application/x-www-form-urlencoded).")
            .LimitedAsSignIn());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // RFC 6749 §5.1: token answers, errors included, are never cached.
        HttpContext.Response.Headers.CacheControl = "no-store";
        HttpContext.Response.Headers.Pragma = "no-cache";

        var request = HttpContext.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), FormType, StringComparison.OrdinalIgnoreCase))
            throw NoStore(new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the token request as a form ({FormType}).", OAuthError("invalid_request", $"The body must be {FormType}.")));
        if (request.ContentLength > MaxBytes)
            throw Invalid("", "The form is too long.");
        var form = await request.ReadFormAsync(ct);
        string? Field(string name)
        {
            if (form.TryGetValue(name, out var values) && values.Count > 1)
                throw Invalid(name, $"{name} was sent more than once."); // RFC 6749 §3.2
            return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        }

        var grantType = Field("grant_type") ?? throw Invalid("grant_type", "grant_type is required.");
        var (clientId, secret, viaBasic) = Credentials(Field("client_id"), Field("client_secret"));
        if (grantType != "client_credentials")
            throw NoStore(new ApiProblem(StatusCodes.Status400BadRequest, "Bad request", "Only the client_credentials grant is supported.",
                OAuthError("unsupported_grant_type", "Only client_credentials is supported.", "grant_type")));

        var client = clientId is { Length: <= 40 }
            ? await db.PartnerClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct)
            : null;
        if (client is null || client.RevokedAt is not null || secret is null || !PartnerSecrets.Matches(client, secret, db.UtcNow))
        {
            var refused = NoStore(new ApiProblem(StatusCodes.Status401Unauthorized, "Invalid client",
                "The client id or secret is wrong, or the client is revoked.", OAuthError("invalid_client", "Client authentication failed.")));
            // RFC 6749 §5.2: a client that authenticated with Basic is told how to do it again.
            if (viaBasic)
                refused.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"StudioApi\"";
            throw refused;
        }

        if (Field("scope") is { } asked)
        {
            var wanted = PartnerScopes.Parse(asked);
            if (wanted.Except(client.ScopeList).Any())
                throw NoStore(new ApiProblem(StatusCodes.Status400BadRequest, "Bad request", "The scope asks for more than the client was granted.",
                    OAuthError("invalid_scope", $"This client may have: {client.Scopes}.", "scope")));
            client.Scopes = PartnerScopes.Normalize(wanted);
        }

        var (token, expiresIn) = tokens.Issue(client);
        await Send.OkAsync(new PartnerTokenResponse { AccessToken = token, ExpiresIn = expiresIn, Scope = client.Scopes }, ct);
    }

    /// <summary>From the Authorization header (Basic) or the form; both at once is refused (RFC 6749 §2.3.1).</summary>
    (string? ClientId, string? Secret, bool ViaBasic) Credentials(string? formId, string? formSecret)
    {
        var header = HttpContext.Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return (formId, formSecret, false);
        if (formId is not null || formSecret is not null)
            throw Invalid("client_id", "Send the credentials either with HTTP Basic or in the form, not both.");
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':');
            if (colon < 0)
                throw Invalid("Authorization", "Basic credentials are client_id:client_secret.");
            // RFC 6749 §2.3.1: both halves are form-encoded before Basic encoding.
            return (Uri.UnescapeDataString(pair[..colon].Replace('+', ' ')), Uri.UnescapeDataString(pair[(colon + 1)..].Replace('+', ' ')), true);
        }
        catch (FormatException)
        {
            throw Invalid("Authorization", "The Basic credentials are not base64.");
        }
    }

    static ApiProblem Invalid(string field, string reason) =>
        NoStore(new(StatusCodes.Status400BadRequest, "Bad request", reason, OAuthError("invalid_request", reason, field)));

    /// <summary>RFC 6749 §5.1: token answers, errors included, are never cached (the problem handler writes a fresh response).</summary>
    static ApiProblem NoStore(ApiProblem problem)
    {
        problem.Headers[HeaderNames.CacheControl] = "no-store";
        problem.Headers[HeaderNames.Pragma] = "no-cache";
        return problem;
    }

    static Dictionary<string, object?> OAuthError(string error, string description, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description };
        if (field is not null)
            extensions["errors"] = new[] { new Dictionary<string, string> { ["name"] = field, ["reason"] = description } };
        return extensions;
    }
}
