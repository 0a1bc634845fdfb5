using System.Net;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

/// <summary>
/// The clients hub as a front desk pages it, with no filter: the whole list in the default order and by number, a few
/// at a time, and a search's matches, while clients are added at both ends of the order and others deleted. Every
/// client there all along is listed once, in the order the list had before the changes, and none twice. A studio of
/// its own (one app for this class), so the whole list is this test's.
/// </summary>
public sealed class ClientHubPagingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Theory]
    [InlineData("sort=lastName")]
    [InlineData("sort=-number")]
    [InlineData("q=hubpage")]
    [InlineData("q=hubpage&sort=-createdAt")]
    public async Task Paging_the_whole_list_while_clients_come_and_go_neither_skips_nor_repeats_one(string list)
    {
        var admin = await app.AdminAsync();
        string?[] lastNames = ["Hubpage", "hubpage", "Húbpage", null, "Aaberg", "Zyzz"];
        await app.WithDbAsync(async db =>
        {
            var clients = Enumerable.Range(0, 60).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                Kind = lastNames[i % lastNames.Length] is null ? ClientKind.Business : ClientKind.Consumer,
                FirstName = i % 4 == 0 ? null : $"Hub{i % 7}",
                LastName = lastNames[i % lastNames.Length],
                Company = lastNames[i % lastNames.Length] is null || i % 5 == 0 ? "Hubpage Holdings" : null,
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
        });
        var before = await AllAsync(admin, list, 200);
        before.Count.ShouldBeGreaterThanOrEqualTo(50);
        var doomed = before.Where((_, i) => i % 6 == 1).ToList();
        var pending = new Queue<long>(doomed);

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.SearchAsync($"{list}&limit=6" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;

            // Meanwhile: clients that sort first and last by name, number and date (and match the search), one deleted.
            await admin.CreateAsync(new { kind = "consumer", firstName = "Aaron", lastName = "Aa Hubpage" });
            await admin.CreateAsync(new { kind = "consumer", firstName = "Zed", lastName = "Zz Hubpage" });
            if (pending.TryDequeue(out var gone))
            {
                var version = (await (await admin.GetAsync($"/api/v1/clients/{gone}")).ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).Version;
                (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{gone}").WithIfMatch($"\"{version}\"")))
                    .StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        } while (cursor is not null && ++pages < 500);

        cursor.ShouldBeNull(list);
        seen.ShouldBeUnique(list);
        var keptAllAlong = before.Except(doomed).ToList();
        seen.Where(keptAllAlong.Contains).ToList().ShouldBe(keptAllAlong, list);
    }

    static async Task<List<long>> AllAsync(HttpClient admin, string list, int limit)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await admin.SearchAsync($"{list}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            ids.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return ids;
    }
}
