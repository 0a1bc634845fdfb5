using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Clients.Update;

public sealed class UpdateClientRequest : ClientInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateClientValidator : Validator<UpdateClientRequest>
{
    public UpdateClientValidator() => Include(new ClientInputValidator());
}

public sealed class UpdateClientEndpoint(StudioDbContext db, IClientPictures pictures, StudioCalendar calendar, IClientBalances balances, IClientCallFlags calls) : Endpoint<UpdateClientRequest, ClientResponse>
{
    public override void Configure()
    {
        Put("/clients/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Clients", "Update",
            "Replace a client's fields",
            "Lists included (addresses, phones, emails, family members); omit `number` to keep it."));
    }

    public override async Task HandleAsync(UpdateClientRequest req, CancellationToken ct)
    {
        var client = await db.Clients.AsSplitQuery().Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("client", req.Id);
        db.MatchVersion(client, req.IfMatch);
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, pictures, client, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        req.ApplyTo(client);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ClientConflicts.Describe(e, client) is { } conflict)
        {
            throw conflict;
        }

        HttpContext.WriteETag(client);
        var today = await calendar.TodayAsync(ct);
        await Send.OkAsync(ClientResponse.From(client, today, await balances.OutstandingAsync(client.Id, ct), await calls.HasOverdueCallAsync(client.Id, today, ct)), ct);
    }
}
