using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients;

/// <summary>
/// A school partner's API client: the organizations whose records it may reach and what it may do with them
/// (<see cref="PartnerScopes"/>). It signs in with OAuth2 client credentials (its <see cref="ClientId"/> and a secret).
/// </summary>
public sealed class PartnerClient : AuditedRecord
{
    public string Name { get; set; } = "";

    /// <summary>The public half of the credentials, unique and never reused.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The granted scopes, space-separated as OAuth2 writes them.</summary>
    public string Scopes { get; set; } = "";

    public List<PartnerClientOrganization> Organizations { get; set; } = [];

    /// <summary>The secrets that work now: one, or two while a rotation's overlap lasts. Only their hashes.</summary>
    public List<PartnerClientSecret> Secrets { get; set; } = [];

    /// <summary>Set once revoked: its secrets are gone and its tokens stop working at once; it is kept for the record.</summary>
    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => PartnerScopes.Parse(Scopes);
}

public sealed class PartnerClientOrganization
{
    public long OrganizationId { get; set; }
}

public sealed class PartnerClientSecret
{
    /// <summary>SHA-256 of the whole secret, hex. The secret is 256 random bits, so a plain hash cannot be guessed back.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The secret's last four characters, so an administrator can tell which one a partner holds.</summary>
    public string Hint { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When a rotated-out secret stops working; null for the current one.</summary>
    public DateTime? ExpiresAt { get; set; }
}
