using Microsoft.IdentityModel.Tokens;
using StudioApi.Platform.Auth;

namespace StudioApi.Features.Messaging.Settings;

/// <summary>
/// Keeps the messaging secrets (SMTP password, Twilio auth token) encrypted in the database (see <see cref="SecretSealer"/>).
/// Rotating the signing key makes them unreadable: the sender then fails with a message asking to enter them again.
/// </summary>
public sealed class SecretProtector(SymmetricSecurityKey signingKey) : SecretSealer(signingKey, "studioapi messaging secrets v1");
