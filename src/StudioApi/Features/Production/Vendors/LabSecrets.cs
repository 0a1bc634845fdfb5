using Microsoft.IdentityModel.Tokens;
using StudioApi.Platform.Auth;

namespace StudioApi.Features.Production.Vendors;

/// <summary>Keeps each vendor's lab credentials (API key and secret, callback signing secret) sealed in the database.</summary>
public sealed class LabSecrets(SymmetricSecurityKey signingKey) : SecretSealer(signingKey, "studioapi lab secrets v1");

/// <summary>The lab protocols' documented production addresses, used when a vendor names none.</summary>
public static class LabProtocols
{
    /// <summary>WHCC Order Submit API (https://developer.whcc.com/pages/order-submit-api/: production https://apps.whcc.com, sandbox https://sandbox.apps.whcc.com).</summary>
    public const string WhccProduction = "https://apps.whcc.com";
    /// <summary>Bay Photo Order API v2 (https://order-api.bayphoto.com/docs/order_api/v2): token at /oauth/token, orders under /order_api/v2.</summary>
    public const string BayPhotoProduction = "https://order-api.bayphoto.com";

    public static string ApiUrlOf(Vendor vendor) => vendor.LabApiUrl ?? (vendor.LabProtocol == LabProtocol.BayPhoto ? BayPhotoProduction : WhccProduction);
}
