using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using ClientRecord = StudioApi.Features.Clients.Clients.Client;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Persistence;

/// <summary>
/// The one numbering (highest + 1, the unique index settling races) raced directly: writers on their own connections
/// create single records and batches at once, as a front desk, an online booking and a picture day would.
/// </summary>
public sealed class NumberingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Racing_single_and_batch_creations_get_distinct_gapless_numbers_and_each_batch_a_run()
    {
        var start = await HighestAsync();

        // 24 writers: every third saves a batch of five (a picture day), the others one record each.
        var batches = await Task.WhenAll(Enumerable.Range(0, 24).Select(writer => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var clients = Enumerable.Range(0, writer % 3 == 0 ? 5 : 1)
                .Select(i => new ClientRecord { Kind = ClientKind.Consumer, FirstName = $"W{writer}", LastName = $"Race{i}" }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
            return clients.Select(c => c.Number).ToList();
        })));

        var numbers = batches.SelectMany(b => b).ToList();
        numbers.Count.ShouldBe(8 * 5 + 16);
        numbers.Order().ShouldBe(Enumerable.Range(start + 1, numbers.Count), "every number once, none skipped");
        foreach (var batch in batches)
            batch.ShouldBe(Enumerable.Range(batch[0], batch.Count), "a batch is numbered in one run");
        (await app.WithDbAsync(db => db.Clients.CountAsync(c => c.LastName!.StartsWith("Race")))).ShouldBe(numbers.Count);
    }

    [Fact]
    public async Task A_number_in_the_recycle_bin_is_not_handed_out_again()
    {
        var deleted = await app.WithDbAsync(async db =>
        {
            var client = new ClientRecord { Kind = ClientKind.Consumer, FirstName = "Gone", LastName = "Binned" };
            db.Clients.Add(client);
            await db.SaveNumberedAsync([client], CancellationToken.None);
            db.SoftDelete(client);
            await db.SaveChangesAsync();
            return client.Number;
        });

        var next = await app.WithDbAsync(async db =>
        {
            var client = new ClientRecord { Kind = ClientKind.Consumer, FirstName = "New", LastName = "Comer" };
            db.Clients.Add(client);
            await db.SaveNumberedAsync([client], CancellationToken.None);
            return client.Number;
        });

        next.ShouldBe(deleted + 1);
    }

    Task<int> HighestAsync() => app.WithDbAsync(async db => await db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number) ?? 0);
}
