using System.Security.Claims;

namespace StudioApi.Platform.Auth;

/// <summary>
/// Checks a token issued to an API client rather than a user (it carries <see cref="ClientIdClaim"/>): the area that
/// keeps the clients says whether the client is still live and replaces the token's grants with its grants now, so a
/// revoked client or a withdrawn organization or scope takes effect on the next request, not at token expiry.
/// </summary>
public interface IApiClientCheck
{
    const string ClientIdClaim = "client_id";

    /// <summary>False refuses the token. Otherwise the identity's claims are brought up to date.</summary>
    Task<bool> RefreshAsync(ClaimsIdentity identity, string clientId, CancellationToken ct);
}
