using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StudioApi.Tests.Features.Schools;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

/// <summary>
/// A word thousands of clients match, searched in the default (name) order, is read from the term index alone (each
/// term carries its client's name sort key and whether it is live). The page must be the same as the one read from the
/// clients themselves: every match in name order, including clients matched by another field than their last name, none
/// deleted, none skipped or repeated across pages, and a restored client back in its place.
/// </summary>
public sealed class ClientCommonWordSearchTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const int Hartleys = 2_100; // past SearchTermQueries.CommonMatches (2,000) matching terms

    [Fact]
    public async Task A_common_word_in_name_order_pages_through_every_live_match_as_the_clients_order_them()
    {
        var admin = await app.AdminAsync();
        var school = await PartnerKit.CreateOrganizationAsync(admin, "Hartfield High");
        var csv = new StringBuilder("Student ID,First Name,Last Name,Grade,Homeroom,Teacher,Email,Phone,Parent Name,Parent Email,Parent Phone\n");
        for (var i = 0; i < Hartleys; i++)
            // Each found by five of its terms (the first and last names, two more words of the email, the whole address),
            // so the term index holds each Hartley five times in name order: a page is read past the repeats, and read
            // again further when the first rows read (four pages' worth) hold less than a page of clients.
            csv.Append($"H{i:D5},Hartmut{i % 37},Hartley,9,9A,Ms. Lee,hartley.hartwell{i}.hartx@school.example,,,,\n");
        // Matched by their first name or their email, and sorted by their last names, before and after the Hartleys.
        csv.Append("X1,Hart,Adams,9,9A,Ms. Lee,,,,,\n");
        csv.Append("X2,Mia,Zimmer,9,9A,Ms. Lee,hart.mia@school.example,,,,\n");
        csv.Append("X3,Noor,Baker,9,9A,Ms. Lee,,,,,\n"); // no match
        var queued = await (await admin.ImportCsvAsync(school, csv.ToString())).ShouldBeAsync<CsvImportBody>(HttpStatusCode.Accepted);
        var done = await Eventually.ValueAsync<CsvImportBody>(async () =>
        {
            var import = await (await admin.GetAsync($"/api/v1/roster-imports/{queued.Id}")).ShouldBeAsync<CsvImportBody>(HttpStatusCode.OK);
            return import.State is "completed" or "failed" ? import : null;
        }, TimeSpan.FromSeconds(60), () => "the roster import to finish");
        (done.State, done.Created).ShouldBe(("completed", Hartleys + 3), done.Error);

        var hartleys = await admin.SearchAsync("q=hartley&limit=3");
        var deleted = hartleys.Items[0];
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{deleted.Id}").WithIfMatch($"\"{deleted.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (first, commands) = await SqlCapture.GetAsync(admin, "/api/v1/clients?q=hart&limit=50");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        commands.ShouldContain(c => c.Text.Contains("\"IsLive\"", StringComparison.Ordinal), "the matches are read from the term index in name order");

        var fromTerms = await AllPagesAsync(admin, "q=hart");
        // The same search with a filter that removes nothing reads the clients themselves (the matches gathered and sorted).
        var fromClients = await AllPagesAsync(admin, "q=hart&deleted=false");
        fromTerms.Select(c => c.Id).ShouldBe(fromClients.Select(c => c.Id));
        fromTerms.Count.ShouldBe(Hartleys - 1 + 2);
        fromTerms.Select(c => c.Id).ShouldBeUnique();
        fromTerms.ShouldNotContain(c => c.Id == deleted.Id);
        (fromTerms[0].LastName, fromTerms[^1].LastName).ShouldBe(("Adams", "Zimmer"));
        fromTerms.Skip(1).SkipLast(1).ShouldAllBe(c => c.LastName == "Hartley");

        (await admin.PostAsync($"/api/v1/clients/{deleted.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var restored = await AllPagesAsync(admin, "q=hart");
        restored.Select(c => c.Id).ShouldBe((await AllPagesAsync(admin, "q=hart&deleted=false")).Select(c => c.Id));
        restored.Count.ShouldBe(Hartleys + 2);
        restored[1].Id.ShouldBe(deleted.Id, "the first Hartley in name order is back in its place");

        // overdue=true as well: the matches are still read in name order from the term index, and checked for being
        // overdue a batch at a time, further batches read while a page is short (one Hartley in seven is overdue).
        var overdueIds = restored.Skip(1).SkipLast(1).Where((_, i) => i % 7 == 0).Append(restored[0]).Select(c => c.Id).ToList();
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        await app.WithDbAsync(db => db.Set<StudioApi.Features.Clients.Clients.Client>().Where(c => overdueIds.Contains(c.Id)).ExecuteUpdateAsync(set => set.SetProperty(c => c.StatusDueDate, past)));
        var (overduePage, overdueCommands) = await SqlCapture.GetAsync(admin, "/api/v1/clients?q=hart&overdue=true&limit=50");
        overduePage.StatusCode.ShouldBe(HttpStatusCode.OK, await overduePage.Content.ReadAsStringAsync());
        overdueCommands.ShouldContain(c => c.Text.Contains("\"IsLive\"", StringComparison.Ordinal), "the overdue matches are read from the term index in name order");
        var overdue = await AllPagesAsync(admin, "q=hart&overdue=true");
        overdue.Select(c => c.Id).ShouldBe((await AllPagesAsync(admin, "q=hart&overdue=true&deleted=false")).Select(c => c.Id));
        overdue.Select(c => c.Id).ShouldBe(restored.Where(c => overdueIds.Contains(c.Id)).Select(c => c.Id));
        overdue.ShouldAllBe(c => c.Flags.HasOverdueStatus);
    }

    static async Task<List<ClientBody>> AllPagesAsync(HttpClient admin, string query)
    {
        var all = new List<ClientBody>();
        string? cursor = null;
        do
        {
            var page = await admin.SearchAsync($"{query}&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }
}
