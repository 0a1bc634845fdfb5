using System.Net;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Persistence;

/// <summary>
/// Every sort the client and session lists offer reads its page from an index, in index order: SQLite's plan for the
/// statement that picks the page (its ids and sort keys) names an index and sorts nothing in a temporary B-tree. Checked
/// on a generated studio, for the first page and for a page continued from a cursor, whose two statements (the ties
/// with the last row, then the rows beyond it) must each be an index range. A plan that reads the table and sorts it is
/// what made a 50-row page 40-90 times slower than one record at 100,000 clients.
/// </summary>
public sealed class ListQueryPlanTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>, IAsyncLifetime
{
    public static TheoryData<string> ClientSorts => Both("lastName", "firstName", "company", "number", "createdAt", "updatedAt");

    public static TheoryData<string> SessionSorts => Both("date", "number", "createdAt");

    static TheoryData<string> Both(params string[] keys) => [.. keys.SelectMany(k => new[] { k, "-" + k })];

    string DatabaseFile => Path.Combine(app.DataDirectory, "studio.db");

    public async Task InitializeAsync()
    {
        if (await app.WithDbAsync(db => Task.FromResult(db.Clients.Any())))
            return;
        // A small studio with the shapes that matter: names that tie, businesses without a person's name, sessions
        // at the same hour.
        await app.WithDbAsync(async db =>
        {
            var clients = Enumerable.Range(0, 300).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                Kind = i % 10 == 0 ? ClientKind.Business : ClientKind.Consumer,
                FirstName = i % 10 == 0 ? null : $"First{i % 40}",
                LastName = i % 10 == 0 ? null : $"Last{i % 25}",
                Company = i % 10 == 0 ? $"Company {i % 7}" : null,
                Phones = [new ClientPhone { Number = $"217-555-{i:D4}", Digits = $"217555{i:D4}" }],
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
            var day = new DateOnly(2026, 3, 2);
            var sessions = Enumerable.Range(0, 300).Select(i =>
            {
                var date = day.AddDays(i / 6);
                var start = new TimeOnly(9 + i % 3, 0);
                return new Session
                {
                    ClientId = clients[i % clients.Count].Id, Date = date, StartTime = start, EndTime = start.AddHours(1),
                    StartsAt = date.ToDateTime(start, DateTimeKind.Utc), EndsAt = date.ToDateTime(start.AddHours(1), DateTimeKind.Utc),
                    BookedBy = "admin", BookedOn = DateTime.UtcNow,
                };
            }).ToList();
            db.Sessions.AddRange(sessions);
            await db.SaveNumberedAsync(sessions, CancellationToken.None);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(ClientSorts))]
    public Task Every_client_sort_reads_its_pages_from_an_index(string sort) => PagesComeFromAnIndexAsync("clients", sort, "Clients");

    [Theory]
    [MemberData(nameof(SessionSorts))]
    public Task Every_session_sort_reads_its_pages_from_an_index(string sort) => PagesComeFromAnIndexAsync("sessions", sort, "Sessions");

    [Fact]
    public async Task A_client_page_loads_its_children_by_the_page_ids_without_repeating_the_sort()
    {
        var admin = await app.AdminAsync();

        var (response, commands) = await SqlCapture.GetAsync(admin, "/api/v1/clients?limit=20&sort=firstName");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var phones = commands.Single(c => c.Text.Contains("\"ClientPhones\"", StringComparison.Ordinal));
        phones.Text.ShouldNotContain("FirstNameSortKey");
        phones.Text.ShouldContain("\"c\".\"Id\" IN (");
        // The page's ids (a JSON parameter, read by json_each) lead to the clients by key and their phones by index: no table is read through.
        (await phones.PlanAsync(DatabaseFile)).ShouldAllBe(step => !step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("VIRTUAL TABLE", StringComparison.Ordinal));
    }

    async Task PagesComeFromAnIndexAsync(string list, string sort, string table)
    {
        var admin = await app.AdminAsync();

        var (first, firstCommands) = await SqlCapture.GetAsync(admin, $"/api/v1/{list}?limit=20&sort={sort}");
        var cursor = (await first.ShouldBeAsync<PageBody>(HttpStatusCode.OK)).NextCursor.ShouldNotBeNull();
        var (next, nextCommands) = await SqlCapture.GetAsync(admin, $"/api/v1/{list}?limit=20&sort={sort}&cursor={Uri.EscapeDataString(cursor)}");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);

        var pageQueries = firstCommands.Concat(nextCommands).Where(c => IsPageQuery(c, table)).ToList();
        // The first page's statement, then a continued page's ties with its last row and, unless the ties fill it, the rows beyond.
        pageQueries.Count.ShouldBeInRange(2, 3);
        foreach (var query in pageQueries)
        {
            var plan = await query.PlanAsync(DatabaseFile);
            var shown = $"{sort}: {query.Text}\n  plan: {string.Join(" | ", plan)}";
            plan.ShouldContain(step => step.Contains($"SCAN {Alias(table)} USING INDEX", StringComparison.Ordinal)
                                       || step.Contains($"SEARCH {Alias(table)} USING INDEX", StringComparison.Ordinal)
                                       || step.Contains($"USING COVERING INDEX", StringComparison.Ordinal), shown);
            plan.ShouldNotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal), shown);
        }
    }

    /// <summary>The statement that picks the page: the ids and sort keys of the list's table, ordered and limited.</summary>
    static bool IsPageQuery(CapturedSql command, string table) =>
        command.Text.Contains($"FROM \"{table}\" AS", StringComparison.Ordinal)
        && command.Text.Contains("AS \"Key\"", StringComparison.Ordinal)
        && command.Text.Contains("ORDER BY", StringComparison.Ordinal);

    static string Alias(string table) => table == "Clients" ? "c" : "s";

    sealed record PageBody(string? NextCursor);
}
