using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Search;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Search;

/// <summary>
/// Records written without the app (an import straight into the database, or every record after the upgrade that
/// introduced search terms) have no terms and rough sort keys; the catch-up that runs at start builds them, without
/// changing the records' versions.
/// </summary>
public sealed class SearchIndexCatchUpTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_client_written_straight_into_the_database_is_found_and_sorted_once_the_catch_up_has_run()
    {
        var admin = await app.AdminAsync();
        var number = 880_000 + Random.Shared.Next(10_000);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "studio.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO Clients (Number, Kind, FirstName, LastName, EmailOptOut, SmsOptOut, Version, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
                VALUES ($number, 'Consumer', 'Renée', 'Ångström', 0, 0, 1, '2026-01-05 10:00:00', 'import', '2026-01-05 10:00:00', 'import');
                INSERT INTO ClientPhones (ClientId, Number, Digits, SmsCapable, IsPrimary) VALUES (last_insert_rowid(), '(815) 555-0199', '8155550199', 1, 1);
                """;
            insert.Parameters.AddWithValue("$number", number);
            await insert.ExecuteNonQueryAsync();
        }
        (await admin.SearchAsync("q=angstrom")).Items.ShouldBeEmpty();

        var rebuilt = await app.Services.GetRequiredService<SearchIndexCatchUp>().RunAsync(CancellationToken.None);

        rebuilt.ShouldBeGreaterThanOrEqualTo(1);
        var found = (await admin.SearchAsync("q=angstrom%20renee")).Items.ShouldHaveSingleItem();
        found.Number.ShouldBe(number);
        found.Version.ShouldBe(1);
        (await admin.SearchAsync("q=5550199")).Items.Select(c => c.Id).ShouldContain(found.Id);
        (await app.WithDbAsync(db => db.Clients.Where(c => c.Id == found.Id).Select(c => c.NameSortKey).SingleAsync())).ShouldBe("angstrom renee");
        (await app.Services.GetRequiredService<SearchIndexCatchUp>().RunAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task A_change_to_a_record_erased_since_it_was_read_is_refused_as_a_version_conflict_not_by_its_new_terms_foreign_key()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Vera", "Vanished"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioApi.Platform.Persistence.StudioDbContext>();
        var read = await db.Clients.SingleAsync(c => c.Id == client.Id);
        await app.WithDbAsync(other => other.Clients.Where(c => c.Id == client.Id).ExecuteDeleteAsync());

        // New words, so the save has terms to add for a client that is no longer there.
        read.LastName = "Reappeared";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        (await app.WithDbAsync(other => other.Set<ClientSearchTerm>().CountAsync(t => t.RecordId == client.Id))).ShouldBe(0);
    }
}
