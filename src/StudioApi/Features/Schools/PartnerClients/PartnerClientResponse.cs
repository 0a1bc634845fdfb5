using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Schools.PartnerClients;

public class PartnerClientResponse : RecordResponse
{
    [MaxLength(200)]
    public string Name { get; set; } = "";

    /// <summary>The client id the partner sends with its secret to the token endpoint.</summary>
    [MaxLength(40)]
    public string ClientId { get; set; } = "";

    [MaxLength(PartnerClientInput.MaxOrganizations)]
    public List<long> OrganizationIds { get; set; } = [];

    [MaxLength(6)]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The secrets in force (never the secrets themselves): their last characters, and when a rotated-out one stops.</summary>
    [MaxLength(2)]
    public List<PartnerClientSecretResponse> Secrets { get; set; } = [];

    public DateTimeOffset? RevokedAt { get; set; }

    public static PartnerClientResponse From(PartnerClient client) => Fill(new PartnerClientResponse(), client);

    protected static T Fill<T>(T response, PartnerClient client) where T : PartnerClientResponse
    {
        response.Name = client.Name;
        response.ClientId = client.ClientId;
        response.OrganizationIds = [.. client.Organizations.Select(o => o.OrganizationId).Order()];
        response.Scopes = [.. client.ScopeList];
        response.Secrets = [.. client.Secrets.OrderBy(s => s.CreatedAt).Select(s => new PartnerClientSecretResponse
        {
            Hint = s.Hint,
            CreatedAt = DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc),
            ExpiresAt = s.ExpiresAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        })];
        response.RevokedAt = client.RevokedAt is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null;
        return response.WithAudit(client);
    }
}

public sealed class PartnerClientSecretResponse
{
    [MaxLength(4)]
    public string Hint { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>A partner client with its new secret: the one time the secret is shown. Store it now; it cannot be read again.</summary>
public sealed class PartnerClientWithSecretResponse : PartnerClientResponse
{
    [MaxLength(100)]
    public string ClientSecret { get; set; } = "";

    public static PartnerClientWithSecretResponse From(PartnerClient client, string secret)
    {
        var response = Fill(new PartnerClientWithSecretResponse(), client);
        response.ClientSecret = secret;
        return response;
    }
}
