using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Clients.Get;

public sealed class GetClientRequest
{
    public long Id { get; set; }
}

public sealed class GetClientEndpoint(StudioDbContext db, StudioCalendar calendar, IClientBalances balances, IClientCallFlags calls) : Endpoint<GetClientRequest, ClientResponse>
{
    public override void Configure()
    {
        Get("/clients/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "Get", "Get a client"));
    }

    public override async Task HandleAsync(GetClientRequest req, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().AsSplitQuery().Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("client", req.Id);
        HttpContext.WriteETag(client);
        var today = await calendar.TodayAsync(ct);
        await Send.OkAsync(ClientResponse.From(client, today, await balances.OutstandingAsync(client.Id, ct), await calls.HasOverdueCallAsync(client.Id, today, ct)), ct);
    }
}
