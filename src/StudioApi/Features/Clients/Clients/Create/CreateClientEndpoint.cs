using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
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
    const int NumberAttempts = 10;

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
            await transitions.StartAsync(RecordKind.Client, client, () => SaveAsync(client, assignNumber: req.Number is null, ct), ct);
        }
        catch (DbUpdateException e) when (ClientConflicts.Describe(e, client) is { } conflict)
        {
            throw conflict;
        }

        if (client.StatusId is { } statusId)
            client.Status = await db.StatusDefinitions.FindAsync([statusId], ct);
        HttpContext.WriteETag(client);
        await Send.CreatedAtAsync("Clients_Get", new { id = client.Id }, ClientResponse.From(client, await calendar.TodayAsync(ct)), cancellation: ct);
    }

    /// <summary>
    /// Next number = highest so far + 1, counting the recycle bin so a deleted client's number is not handed out
    /// again. Two creations can read the same highest number (SQL Server reads committed rows, it does not lock
    /// them): the unique index refuses the second insert, which then takes the next number.
    /// </summary>
    async Task<bool> SaveAsync(Client client, bool assignNumber, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (assignNumber)
                client.Number = (await db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number, ct) ?? 0) + 1;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (assignNumber && attempt < NumberAttempts && e.IsUniqueViolation("Clients", "Number"))
            {
                // Inside a transaction EF rolled back to its savepoint: the client is still to be inserted; retry.
            }
        }
    }
}
