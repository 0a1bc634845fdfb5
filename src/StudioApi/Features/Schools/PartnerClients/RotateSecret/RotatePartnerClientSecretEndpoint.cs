using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.RotateSecret;

public sealed class RotatePartnerClientSecretRequest
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    /// <summary>How long the secret in force keeps working beside the new one (0–10,080 minutes, default 1,440: a day), so the partner can switch without downtime. 0 ends it at once.</summary>
    public int? OverlapMinutes { get; set; }
}

public sealed class RotatePartnerClientSecretValidator : Validator<RotatePartnerClientSecretRequest>
{
    public RotatePartnerClientSecretValidator() => RuleFor(r => r.OverlapMinutes).InclusiveBetween(0, 10_080);
}

public sealed class RotatePartnerClientSecretEndpoint(StudioDbContext db) : Endpoint<RotatePartnerClientSecretRequest, PartnerClientWithSecretResponse>
{
    public const int DefaultOverlapMinutes = 1440;

    public override void Configure()
    {
        Post("/partner-clients/{id}/secret-rotations");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "RotateSecret", "Issue a new secret for a partner client",
            "Answers the new secret, shown this once. The secret in force keeps working for `overlapMinutes` (default a day), then " +
            "stops; a secret already rotated out stops at once. Takes If-Match, and no Idempotency-Key (the answer holds the secret)."));
    }

    public override async Task HandleAsync(RotatePartnerClientSecretRequest req, CancellationToken ct)
    {
        var client = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("partner client", req.Id);
        db.MatchVersion(client, req.IfMatch);
        if (client.RevokedAt is not null)
            throw ApiProblem.RuleBroken("This partner client is revoked; create a new one.");

        var now = db.UtcNow;
        var overlapEnds = now.AddMinutes(req.OverlapMinutes ?? DefaultOverlapMinutes);
        // At most two secrets work: the new one, and the one in force until the overlap ends.
        client.Secrets.RemoveAll(s => s.ExpiresAt is not null);
        foreach (var current in client.Secrets)
            current.ExpiresAt = overlapEnds;
        client.Secrets.RemoveAll(s => s.ExpiresAt <= now);
        var (secret, stored) = PartnerSecrets.NewSecret(now);
        client.Secrets.Add(stored);
        db.Entry(client).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(client);
        await Send.OkAsync(PartnerClientWithSecretResponse.From(client, secret), ct);
    }
}
