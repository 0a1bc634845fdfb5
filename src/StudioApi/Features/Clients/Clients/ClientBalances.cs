using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Clients.Clients;

/// <summary>
/// What clients owe, for the client's outstandingBalance: the sum of the balances of their invoices. Sales, which keeps
/// invoices and payments, answers; Clients only asks, so it does not depend on Sales.
/// </summary>
public interface IClientBalances
{
    /// <summary>Each client's outstanding balance (0 for a client who owes nothing), read in one query for a page of clients.</summary>
    Task<IReadOnlyDictionary<long, Money>> OutstandingAsync(IReadOnlyCollection<long> clientIds, CancellationToken ct);

    /// <summary>One client's outstanding balance.</summary>
    async Task<Money> OutstandingAsync(long clientId, CancellationToken ct) =>
        (await OutstandingAsync([clientId], ct)).GetValueOrDefault(clientId);
}
