using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients;

/// <summary>The claims of a partner's token, and how a partner endpoint reads them.</summary>
public static class PartnerClaims
{
    public const string Scope = "scope";
    public const string Organization = "org";

    public static bool IsPartner(this ClaimsPrincipal principal) => principal.IsInRole(Roles.Partner);

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        PartnerScopes.Parse(principal.FindFirstValue(Scope)).Contains(scope);

    /// <summary>The organizations the partner may reach: the only ones its queries ever see.</summary>
    public static IReadOnlyList<long> OrganizationIds(this ClaimsPrincipal principal) =>
        [.. principal.FindAll(Organization).Select(c => long.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture))];

    internal static IEnumerable<Claim> For(PartnerClient client) =>
    [
        new(IApiClientCheck.ClientIdClaim, client.ClientId),
        new(Scope, client.Scopes),
        new("role", Roles.Partner),
        .. client.Organizations.Select(o => new Claim(Organization, o.OrganizationId.ToString(CultureInfo.InvariantCulture))),
    ];
}

/// <summary>Signs partner access tokens with the same key, issuer and audience as users' tokens; they cannot be refreshed.</summary>
public sealed class PartnerTokenIssuer(IOptions<JwtSettings> settings, SymmetricSecurityKey key, TimeProvider clock)
{
    public (string Token, int ExpiresInSeconds) Issue(PartnerClient client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(settings.Value.AccessTokenMinutes);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Value.Issuer,
            Audience = settings.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", $"partner-client:{client.Id.ToString(CultureInfo.InvariantCulture)}"),
                // What the audit trail writes as the author of the partner's changes.
                new Claim("name", $"partner:{client.ClientId}"),
                .. PartnerClaims.For(client),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }
}

/// <summary>On every request with a partner token: the client must still be live, and its grants are read afresh.</summary>
public sealed class PartnerClientCheck(StudioDbContext db) : IApiClientCheck
{
    public async Task<bool> RefreshAsync(ClaimsIdentity identity, string clientId, CancellationToken ct)
    {
        var client = await db.PartnerClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || client.RevokedAt is not null)
            return false;
        // A token asked for fewer scopes keeps to them; a scope taken from the client since is gone from its tokens too.
        var asked = PartnerScopes.Parse(identity.FindFirst(PartnerClaims.Scope)?.Value);
        client.Scopes = PartnerScopes.Normalize(client.ScopeList.Intersect(asked));
        foreach (var stale in identity.Claims.Where(c => c.Type is "role" or PartnerClaims.Scope or PartnerClaims.Organization or IApiClientCheck.ClientIdClaim).ToList())
            identity.RemoveClaim(stale);
        identity.AddClaims(PartnerClaims.For(client));
        return true;
    }
}
