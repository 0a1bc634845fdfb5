using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.Create;

public sealed class CreatePartnerClientRequest : PartnerClientInput;

public sealed class CreatePartnerClientValidator : Validator<CreatePartnerClientRequest>
{
    public CreatePartnerClientValidator() => Include(new PartnerClientInputValidator());
}

/// <summary>
/// Takes no Idempotency-Key on purpose: a replay answers the stored response, and this response holds the secret, which
/// is kept nowhere in clear. A create whose answer was lost is recovered by revoking it, or by rotating its secret.
/// </summary>
public sealed class CreatePartnerClientEndpoint(StudioDbContext db) : Endpoint<CreatePartnerClientRequest, PartnerClientWithSecretResponse>
{
    public override void Configure()
    {
        Post("/partner-clients");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "Create", "Create a partner API client",
                "Creates a client for a school partner, limited to the organizations and scopes given, and answers its client id and " +
                "secret (prefixed `sapi_ps_`). The secret is shown this once and kept only as a hash: store it now. Exchange both for a " +
                "token at `POST /api/v1/oauth/token` (OAuth2 client credentials). Takes no Idempotency-Key, because a replay would " +
                "have to keep the secret in clear: if the answer is lost, rotate the secret.")
            .ClearDefaultProduces(200).Produces<PartnerClientWithSecretResponse>(201, "application/json").AnswersCreatedWithETag());
    }

    public override async Task HandleAsync(CreatePartnerClientRequest req, CancellationToken ct)
    {
        var client = new PartnerClient { ClientId = PartnerSecrets.NewClientId() };
        await req.ApplyToAsync(client, db, ct);
        var (secret, stored) = PartnerSecrets.NewSecret(db.UtcNow);
        client.Secrets.Add(stored);
        db.Add(client);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(client);
        await Send.CreatedAtAsync("PartnerClients_Get", new { id = client.Id }, PartnerClientWithSecretResponse.From(client, secret), cancellation: ct);
    }
}
