using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Clients.Clients.Create;

public sealed class CreateClientRequest : ClientInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateClientValidator : Validator<CreateClientRequest>
{
    public CreateClientValidator() => Include(new ClientInputValidator());
}

public sealed class CreateClientEndpoint(StudioDbContext db, IClientPictures pictures, StatusTransitions transitions, StudioCalendar calendar) : Endpoint<CreateClientRequest, ClientResponse>
{
    /// <summary>How often to take the next number when other creations keep taking it first.</summary>

    public override void Configure()
    {
        Post("/clients");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Clients", "Create", "Create a client",
            "The client starts at the initial client status; the number is assigned unless given.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateClientRequest req, CancellationToken ct)
    {
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, pictures, current: null, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        var client = new Client();
        req.ApplyTo(client);
        db.Clients.Add(client);
        try
        {
            // The client starts at the initial status of the client workflow, with its status-log entry, in one transaction.
            await transitions.StartAsync(RecordKind.Client, client, req.Number is null ? () => db.SaveNumberedAsync([client], ct) : () => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException e) when (ClientConflicts.Describe(e, client) is { } conflict)
        {
            throw conflict;
        }

        if (client.StatusId is { } statusId)
            client.Status = await db.StatusDefinitions.FindAsync([statusId], ct);
        HttpContext.WriteETag(client);
        await Send.CreatedAtAsync("Clients_Get", new { id = client.Id }, ClientResponse.From(client, await calendar.TodayAsync(ct), Money.Zero, overdueCall: false), cancellation: ct);
    }
}
