using System.Net;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Sales;
using StudioApi.Features.Setup;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Persistence;

/// <summary>
/// Every list reads its pages from an index, in index order (see <see cref="Lists"/>); for the client and session lists,
/// every sort is checked on real pages too. SQLite's plan for the
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
            db.Organizations.Add(new Organization { Name = "Plan High", Code = "PLAN" });
            await db.SaveChangesAsync();
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
    public async Task A_client_page_loads_its_records_and_their_lists_by_the_page_ids_without_repeating_the_sort()
    {
        var admin = await app.AdminAsync();

        var (response, commands) = await SqlCapture.GetAsync(admin, "/api/v1/clients?limit=20&sort=firstName");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The page's clients, then their addresses, phones, emails and family, what they owe and their overdue calls,
        // each by the page's ids.
        var byIds = commands.Where(c => c.Text.Contains("json_each", StringComparison.Ordinal)).ToList();
        byIds.Count.ShouldBe(7);
        foreach (var table in new[] { "ClientAddresses", "ClientPhones", "ClientEmails", "ClientFamilyMembers", "Invoices", "Communications" })
            byIds.ShouldContain(c => c.Text.Contains($"\"{table}\"", StringComparison.Ordinal), table);
        foreach (var records in byIds)
        {
            records.Text.ShouldNotContain("SortKey");
            // The page's ids (a JSON parameter, read by json_each) lead to the clients by key and their lists by index: no table is read through.
            (await records.PlanAsync(DatabaseFile)).ShouldAllBe(step => !step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("VIRTUAL TABLE", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Every list the studio pages through, in every order it offers and with each common filter in its default order:
    /// {client}, {session}… are filled in from the studio. Searches are left out: a rare word's few matches are sorted
    /// as read by design, and a common word's page is read along these same orders.
    /// </summary>
    public static TheoryData<string> Lists()
    {
        var lists = new TheoryData<string>();
        void Sorted(string path, params string[] keys)
        {
            var separator = path.Contains('?') ? '&' : '?';
            foreach (var key in keys)
                foreach (var sort in new[] { key, "-" + key })
                    lists.Add($"{path}{separator}sort={sort}");
        }
        void Filtered(string path, params string[] filters)
        {
            foreach (var filter in filters)
                lists.Add($"{path}?{filter}");
        }
        Sorted("/clients", "lastName", "firstName", "company", "number", "createdAt", "updatedAt");
        Filtered("/clients", "kind=business", "organizationId={org}", "graduationYear=2030", "statusId={clientStatus}", "overdue=true", "deleted=true");
        Sorted("/sessions", "date", "number", "createdAt");
        Filtered("/sessions", "dateFrom=2026-03-02&dateTo=2026-03-08", "dateFrom=2026-03-20", "photographerId={user}", "staffUserId={user}",
            "clientId={client}", "organizationId={org}", "sessionTypeId={sessionType}", "resourceId=1", "statusId={sessionStatus}",
            "overdue=true", "cancelled=true", "deleted=true");
        Sorted("/tasks", "dueDate", "priority", "createdAt", "updatedAt");
        Filtered("/tasks", "assignedUserId={user}", "clientId={client}", "sessionId={session}", "statusId={taskStatus}", "overdue=true", "deleted=true");
        Sorted("/appointments", "date", "createdAt");
        Filtered("/appointments", "dateFrom=2026-03-02&dateTo=2026-03-08", "userId={user}", "clientId={client}", "sessionId={session}", "deleted=true");
        Sorted("/sessions/{session}/images", "number", "captureTime", "createdAt");
        Filtered("/sessions/{session}/images", "proofState=selected", "favorite=true");
        Sorted("/render-runs", "createdAt");
        Filtered("/render-runs", "sessionId={session}", "renderJobId=1", "state=completed");
        Sorted("/clients/{client}/status-changes", "changedAt");
        Sorted("/sessions/{session}/status-changes", "changedAt");
        Sorted("/clients/{client}/notes", "createdAt");
        Sorted("/organizations", "name", "code", "createdAt", "updatedAt");
        Filtered("/organizations", "deleted=true");
        Sorted("/organizations/{org}/unmatched-captures", "createdAt", "originalFileName");
        foreach (var kind in new[] { "session", "client", "task" })
            Sorted($"/workflow/overdue?kind={kind}", "dueDate", "statusDate", "recordId");
        Filtered("/workflow/overdue", "kind=session&statusId={sessionStatus}", "kind=task&assignedUserId={user}");
        Sorted("/workflow/stages/retouch/records?kind=session", "statusDate", "dueDate", "recordId");
        Sorted("/price-lists", "name", "createdAt", "updatedAt");
        Filtered("/price-lists", "deleted=true");
        Sorted("/price-lists/{priceList}/items", "position", "code", "description", "price");
        Filtered("/price-lists/{priceList}/items", "groupId={priceGroup}", "type=standard", "availableOnline=true", "deleted=true");
        foreach (var methods in new[] { "/payment-methods", "/shipping-methods" })
        {
            Sorted(methods, "sortOrder", "name");
            Filtered(methods, "active=true", "deleted=true");
        }
        Sorted("/organizations/{org}/roster-imports", "createdAt");
        Sorted("/partner-clients", "name", "createdAt");
        Sorted("/invoices", "number", "date", "total", "balance");
        Filtered("/invoices", "clientId={client}", "sessionId={session}", "type=reorder", "statusId={invoiceStatus}",
            "dateFrom=2026-03-02&dateTo=2026-03-08", "balanceDue=true", "voided=true", "deleted=true");
        Sorted("/payments", "date");
        Filtered("/payments", "invoiceId=1", "clientId={client}", "kind=refund", "dateFrom=2026-03-02&dateTo=2026-03-08", "voided=true");
        Sorted("/overdue-instalments", "dueDate");
        Filtered("/overdue-instalments", "clientId={client}");
        Sorted("/communications", "createdAt", "dueDate", "sentAt");
        Filtered("/communications", "clientId={client}", "sessionId={session}", "invoiceId=1", "taskId=1", "batchId=1", "kind=call",
            "state=failed", "assignedUserId={user}", "open=true", "open=true&sort=dueDate", "overdue=true", "deleted=true");
        Sorted("/communication-batches", "createdAt");
        Sorted("/print-jobs", "createdAt");
        Filtered("/print-jobs", "printed=false", "kind=letter", "deleted=true");
        Sorted("/templates", "name", "updatedAt");
        Filtered("/templates", "active=true", "deleted=true");
        Sorted("/call-types", "sortOrder", "name");
        Sorted("/triggers", "name", "updatedAt");
        Filtered("/triggers", "active=true", "deleted=true");
        Sorted("/triggers/{trigger}/history", "firedAt");
        // The counts a screen shows: the hub's per stage and the overdue totals, from the status indexes.
        lists.Add("/workflow/stages");
        lists.Add("/workflow/overdue/counts");
        Sorted("/session-reminders", "date");
        Filtered("/session-reminders", "userId={user}");
        return lists;
    }

    /// <summary>
    /// The first page and a page continued from a cursor (made up: the statements, not the rows, are looked at) of
    /// <paramref name="list"/>: every statement the requests run is read in index order, sorting nothing in a temporary
    /// B-tree, and none reads through a table that grows with the studio (a full scan of the one settings row, the
    /// statuses or the users is no matter). One sort is by design: overdue=true, and each status of the overdue list, with
    /// few records overdue (this studio has none) reads them from their due-date range and sorts them (see OverdueRecords),
    /// at most 2,000.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_reads_each_sort_and_common_filter_from_an_index(string list)
    {
        var admin = await app.AdminAsync();
        var url = "/api/v1" + await FillInAsync(list);
        var separator = url.Contains('?') ? '&' : '?';
        var sort = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + url).Query)["sort"];

        var (first, firstCommands) = await SqlCapture.GetAsync(admin, url.Contains("/counts", StringComparison.Ordinal) || url.EndsWith("/stages", StringComparison.Ordinal) ? url : $"{url}{separator}limit=5");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var commands = firstCommands;
        if (sort is not null)
        {
            var (next, nextCommands) = await SqlCapture.GetAsync(admin, $"{url}{separator}limit=5&cursor={MadeUpCursor(sort, url.Contains("/invoices", StringComparison.Ordinal) || url.Contains("/payments", StringComparison.Ordinal))}");
            next.StatusCode.ShouldBe(HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
            commands = [.. commands, .. nextCommands];
        }

        // A statement EF knows reads nothing (WHERE 0: an empty list of ids) is not run through a plan.
        foreach (var command in commands.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Text, @"WHERE 0\s*($|GROUP BY)")))
        {
            var plan = await command.PlanAsync(DatabaseFile);
            var shown = $"{list}: {command.Text}\n  plan: {string.Join(" | ", plan)}";
            var tables = TablesByAlias(command.Text);
            if (!SortsByDesign(list, plan) && !tables.Values.All(SmallTables.Contains))
                plan.ShouldNotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal), shown);
            foreach (var step in plan)
                if (step.Split(' ') is ["SCAN", var alias] && tables.TryGetValue(alias, out var table))
                    SmallTables.ShouldContain(table, shown);
        }
    }

    /// <summary>
    /// Tables of a few rows however large the studio grows (settings and the setup lists a studio writes by hand:
    /// statuses, users, templates, triggers, partner clients): reading one whole, or sorting it, is no matter.
    /// </summary>
    static readonly string[] SmallTables =
    [
        "StudioSettings", "StudioOpeningHours", "StudioClosedDates", "StatusDefinitions", "Users", "SessionTypes", "Resources",
        "TaskTypes", "Relationships", "Locations", "Promotions", "ProductionTypes", "RenderJobs", "RenderProfiles", "WorkflowKindSettings",
        "MessageTemplates", "Triggers", "TriggerActions", "CallTypes", "PartnerClients",
    ];

    /// <summary>
    /// The sorts that are by design: what is overdue when few records are (this studio has none) is read from its
    /// due-date range and sorted (see OverdueRecords; at most 2,000), as are overdue calls, and one client's overdue
    /// instalments (a client's few invoices' instalments).
    /// </summary>
    static bool SortsByDesign(string list, IReadOnlyList<string> plan) =>
        ((list.Contains("overdue=true", StringComparison.Ordinal) || list.StartsWith("/workflow/overdue?", StringComparison.Ordinal))
         && plan.Any(step => step.Contains("StatusDueDate<?", StringComparison.Ordinal) || step.Contains("(DueDate<?)", StringComparison.Ordinal)))
        || (list.StartsWith("/overdue-instalments?clientId", StringComparison.Ordinal) && plan.Any(step => step.Contains("(ClientId=?)", StringComparison.Ordinal)));

    static Dictionary<string, string> TablesByAlias(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, "(?:FROM|JOIN) \"(\\w+)\" AS \"(\\w+)\"")
            .GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);

    /// <summary>A cursor as the list hands out, continuing after a made-up row: a value of the sort key's type and an id.</summary>
    static string MadeUpCursor(string sort, bool datesAreDays)
    {
        var key = sort.TrimStart('-');
        object value = key switch
        {
            "date" when datesAreDays => new DateOnly(2026, 3, 5),
            "createdAt" or "updatedAt" or "changedAt" or "date" or "firedAt" or "sentAt" => new DateTime(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc),
            "dueDate" or "statusDate" => new DateOnly(2026, 3, 5),
            "number" or "priority" or "recordId" or "position" or "sortOrder" or "price" or "total" or "balance" => 3,
            _ => "m",
        };
        var cursor = new { Sort = key + (sort.StartsWith('-') ? "-" : "+"), Value = value, Id = 7L };
        return System.Buffers.Text.Base64Url.EncodeToString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(cursor));
    }

    async Task<string> FillInAsync(string list)
    {
        if (list.Contains("{priceList}", StringComparison.Ordinal) && !await app.WithDbAsync(db => db.PriceLists.AnyAsync()))
        {
            var admin = await app.AdminAsync();
            var priceList = await admin.CreateListAsync();
            await admin.CreateGroupAsync(priceList.Id, "Prints");
        }
        var ids = await app.WithDbAsync(async db => new Dictionary<string, long>
        {
            ["{priceList}"] = await db.PriceLists.OrderBy(l => l.Id).Select(l => l.Id).FirstOrDefaultAsync(),
            ["{priceGroup}"] = await db.PriceListGroups.OrderBy(g => g.Id).Select(g => g.Id).FirstOrDefaultAsync(),
            ["{client}"] = await db.Clients.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["{session}"] = await db.Sessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ["{org}"] = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
            ["{user}"] = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            ["{sessionType}"] = await db.SessionTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            ["{clientStatus}"] = await StatusAsync(db, RecordKind.Client),
            ["{sessionStatus}"] = await StatusAsync(db, RecordKind.Session),
            ["{taskStatus}"] = await StatusAsync(db, RecordKind.Task),
            ["{invoiceStatus}"] = await StatusAsync(db, RecordKind.Invoice),
            ["{trigger}"] = await db.Set<StudioApi.Features.Messaging.Triggers.Trigger>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
        });
        foreach (var (name, id) in ids)
            list = list.Replace(name, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return list;

        static Task<long> StatusAsync(StudioDbContext db, RecordKind kind) =>
            db.StatusDefinitions.Where(s => s.Kind == kind && !s.IsFinal).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
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
            if (!(list.Contains("overdue=true", StringComparison.Ordinal) && plan.Any(step => step.Contains("StatusDueDate<?", StringComparison.Ordinal))))
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
