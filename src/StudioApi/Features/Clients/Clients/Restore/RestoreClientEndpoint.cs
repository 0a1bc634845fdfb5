using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Clients.Restore;

public sealed class RestoreClientRequest
{
    public long Id { get; set; }
}

public sealed class RestoreClientEndpoint(StudioDbContext db, StudioCalendar calendar, IClientBalances balances, IClientCallFlags calls) : Endpoint<RestoreClientRequest, ClientResponse>
{
    public override void Configure()
    {
        Post("/clients/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Clients", "Restore",
            "Bring a client back from the recycle bin",
            "Refused while another client holds its number or student id."));
    }

    public override async Task HandleAsync(RestoreClientRequest req, CancellationToken ct)
    {
        var client = await db.Clients.IgnoreQueryFilters().AsSplitQuery().Include(c => c.Status)
                         .SingleOrDefaultAsync(c => c.Id == req.Id && c.DeletedAt != null, ct)
                     ?? throw ApiProblem.NotFound("deleted client", req.Id);
        db.Restore(client);
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
