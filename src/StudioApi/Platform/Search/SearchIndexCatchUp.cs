using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Search;

/// <summary>
/// At start, in the background, builds the terms and sort keys of records that lack them: every record after the
/// upgrade that introduced them (the migration fills the sort keys roughly, in SQL), rows written into the database
/// by other means, and every record when <see cref="SearchText.Version"/> changes. In batches, so the API answers
/// meanwhile; until it is done such records sort by the rough keys and are not found by search.
/// </summary>
public sealed class SearchIndexCatchUp(IServiceScopeFactory scopes, ILogger<SearchIndexCatchUp> logger) : BackgroundService
{
    const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the start finish (migrations, seeding) before reading whole tables.
        await Task.Yield();
        for (var attempt = 1; attempt <= 5 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await RunAsync(stoppingToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved a record of the batch meanwhile (and so rebuilt its terms): take the batch again.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Building search terms failed (attempt {Attempt}); records without terms are not found by search until it succeeds.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), stoppingToken);
            }
        }
    }

    /// <summary>Catches every term table up; returns how many records it rebuilt.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        foreach (var index in SearchIndex.Of(db.Model))
        {
            var rebuilt = 0;
            for (int done; (done = await index.CatchUpAsync(db, Batch, ct)) > 0;)
                rebuilt += done;
            if (rebuilt > 0)
                logger.LogInformation("Built the search terms of {Count} {Records} records.", rebuilt, index.RecordType.Name);
            total += rebuilt;
        }
        return total;
    }
}
