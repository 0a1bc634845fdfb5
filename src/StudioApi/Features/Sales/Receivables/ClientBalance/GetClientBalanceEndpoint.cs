using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Sales.Payments;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Receivables.ClientBalance;

public sealed class GetClientBalanceRequest
{
    /// <summary>The client.</summary>
    public long Id { get; set; }
}

public sealed class ClientBalanceResponse
{
    public required long ClientId { get; init; }
    /// <summary>What the client owes: the balances due of its invoices (as the client record's outstandingBalance).</summary>
    public required Money OutstandingBalance { get; init; }
    /// <summary>The client's credit: overpayments kept as credit, less what has been paid out of it.</summary>
    public required Money CreditBalance { get; init; }
    /// <summary>What the studio owes the client on invoices credited beyond what was left to pay (refund it from a payment).</summary>
    public required Money CreditDue { get; init; }
    /// <summary>The outstanding balance by the age of its invoices, as of today.</summary>
    public required AgingBuckets Aging { get; init; }
}

public sealed class GetClientBalanceEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetClientBalanceRequest, ClientBalanceResponse>
{
    public override void Configure()
    {
        Get("/clients/{id}/balance");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Receivables", "GetClientBalance", "Get a client's balance",
            "What the client owes (aged 0–30, 31–60, 61–90 and over 90 days by invoice date), its credit, and what the studio owes it back."));
    }

    public override async Task HandleAsync(GetClientBalanceRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("client", req.Id);
        var today = await calendar.TodayAsync(ct);
        var aged = (await Receivables.ByClientAsync(db, today, 0, 1, req.Id, ct)).SingleOrDefault() ?? new Receivables.AgingRow { Id = req.Id };
        var owedBack = await db.Invoices.AsNoTracking().Where(i => i.ClientId == req.Id && i.Receivable && !i.BalanceDue && i.Balance != Money.Zero)
            .Select(i => i.Balance).ToListAsync(ct);
        var aging = AgingBuckets.From(aged);
        await Send.OkAsync(new ClientBalanceResponse
        {
            ClientId = req.Id,
            OutstandingBalance = aging.Total,
            CreditBalance = await ClientCredit.AvailableAsync(db, req.Id, ct),
            CreditDue = -Money.Sum(owedBack),
            Aging = aging,
        }, ct);
    }
}
