using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Receivables;

/// <summary>
/// Accounts receivable: what clients owe, aged by invoice date as of a day, in the usual buckets (0–30, 31–60, 61–90 and
/// over 90 days). Only invoices with a balance due count (owed, not void, a balance above 0); a credit memo has already
/// lowered its invoice's balance, an estimate owes nothing. Summed by the database over the index of the balances due
/// (BalanceDue, ClientId, Date, Balance), in one pass.
/// </summary>
public static class Receivables
{
    /// <summary>One client's (or, for the totals, everyone's) balances due by age; Id is the client's.</summary>
    public sealed class AgingRow : IHasId
    {
        public long Id { get; set; }
        public long Days0To30 { get; set; }
        public long Days31To60 { get; set; }
        public long Days61To90 { get; set; }
        public long Over90 { get; set; }
        public int Invoices { get; set; }
    }

    /// <summary>
    /// The balances due per client after <paramref name="afterClientId"/>, aged as of <paramref name="asOf"/>: at most
    /// <paramref name="limit"/> clients in client order, read as a range of the index, grouped as it goes (no sort step).
    /// </summary>
    public static Task<List<AgingRow>> ByClientAsync(StudioDbContext db, DateOnly asOf, long afterClientId, int limit, long? onlyClientId, CancellationToken ct)
    {
        var (from, to) = onlyClientId is { } only ? (only - 1, only) : (afterClientId, long.MaxValue);
        // The page's size goes in as SQL text (a number of ours, never the caller's text): SQLite says LIMIT, SQL Server TOP.
        var sqlite = db.Database.IsSqlite();
        var top = sqlite ? "" : $"TOP ({limit}) ";
        var tail = sqlite ? $" LIMIT {limit}" : "";
        var sql = $$"""
            SELECT {{top}}"ClientId" AS "Id",
                   SUM(CASE WHEN "Date" >= {0} THEN "Balance" ELSE 0 END) AS "Days0To30",
                   SUM(CASE WHEN "Date" < {0} AND "Date" >= {1} THEN "Balance" ELSE 0 END) AS "Days31To60",
                   SUM(CASE WHEN "Date" < {1} AND "Date" >= {2} THEN "Balance" ELSE 0 END) AS "Days61To90",
                   SUM(CASE WHEN "Date" < {2} THEN "Balance" ELSE 0 END) AS "Over90",
                   COUNT(*) AS "Invoices"
            FROM "Invoices"
            WHERE "BalanceDue" = 1 AND "DeletedAt" IS NULL AND "ClientId" > {3} AND "ClientId" <= {4}
            GROUP BY "ClientId"
            ORDER BY "ClientId"{{tail}}
            """;
        return db.Database.SqlQueryRaw<AgingRow>(sql, asOf.AddDays(-30), asOf.AddDays(-60), asOf.AddDays(-90), from, to).ToListAsync(ct);
    }

    /// <summary>Everyone's balances due, aged as of <paramref name="asOf"/>: one row.</summary>
    public static async Task<AgingRow> TotalsAsync(StudioDbContext db, DateOnly asOf, CancellationToken ct)
    {
        var (d30, d60, d90) = (asOf.AddDays(-30), asOf.AddDays(-60), asOf.AddDays(-90));
        var rows = await db.Database.SqlQuery<AgingRow>($"""
            SELECT 0 AS "Id",
                   COALESCE(SUM(CASE WHEN "Date" >= {d30} THEN "Balance" ELSE 0 END), 0) AS "Days0To30",
                   COALESCE(SUM(CASE WHEN "Date" < {d30} AND "Date" >= {d60} THEN "Balance" ELSE 0 END), 0) AS "Days31To60",
                   COALESCE(SUM(CASE WHEN "Date" < {d60} AND "Date" >= {d90} THEN "Balance" ELSE 0 END), 0) AS "Days61To90",
                   COALESCE(SUM(CASE WHEN "Date" < {d90} THEN "Balance" ELSE 0 END), 0) AS "Over90",
                   COUNT(*) AS "Invoices"
            FROM "Invoices"
            WHERE "BalanceDue" = 1 AND "DeletedAt" IS NULL
            """).ToListAsync(ct);
        return rows.Single();
    }
}

/// <summary>Balances due by age.</summary>
public sealed class AgingBuckets
{
    /// <summary>Invoices dated 0 to 30 days before the day of the report (or after it).</summary>
    public required Money Days0To30 { get; init; }
    public required Money Days31To60 { get; init; }
    public required Money Days61To90 { get; init; }
    /// <summary>Invoices dated more than 90 days before.</summary>
    public required Money Over90 { get; init; }
    /// <summary>The four buckets together.</summary>
    public required Money Total { get; init; }
    /// <summary>How many invoices have a balance due.</summary>
    public required int Invoices { get; init; }

    public static AgingBuckets From(Receivables.AgingRow row) => new()
    {
        Days0To30 = new Money(row.Days0To30),
        Days31To60 = new Money(row.Days31To60),
        Days61To90 = new Money(row.Days61To90),
        Over90 = new Money(row.Over90),
        Total = new Money(row.Days0To30 + row.Days31To60 + row.Days61To90 + row.Over90),
        Invoices = row.Invoices,
    };
}

/// <summary>The clients' outstanding balances for the client records (Clients asks through <see cref="IClientBalances"/>).</summary>
public sealed class ClientBalances(StudioDbContext db) : IClientBalances
{
    public async Task<IReadOnlyDictionary<long, Money>> OutstandingAsync(IReadOnlyCollection<long> clientIds, CancellationToken ct)
    {
        if (clientIds.Count == 0)
            return new Dictionary<long, Money>();
        var due = await AsyncEnumerable.ToListAsync(Due(db, [.. clientIds]), ct);
        return due.GroupBy(d => d.ClientId).ToDictionary(g => g.Key, g => Money.Sum(g.Select(d => d.Balance)));
    }

    sealed record ClientDue(long ClientId, Money Balance);

    // Compiled, as the client page's own queries are (ClientPageRecords); on SQLite the ids go as one parameter.
    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<ClientDue>> Due = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Invoice>().AsNoTracking().Where(i => i.BalanceDue && ids.Contains(i.ClientId)).Select(i => new ClientDue(i.ClientId, i.Balance)));
}
