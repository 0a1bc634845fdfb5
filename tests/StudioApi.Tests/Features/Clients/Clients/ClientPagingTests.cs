using System.Net;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

/// <summary>
/// Paging through the clients in every order the list offers, a few at a time, while the front desk adds clients at
/// both ends of the order and deletes others: every client that was there all along is listed exactly once, in the
/// order one big page lists them, and no client twice. The clients tie in every way the sort keys can (equal names
/// in other letter cases and accents, no name at all, the same creation instant), so the id tie-breaker is exercised.
/// </summary>
public sealed class ClientPagingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    public static TheoryData<string> Sorts =>
        [.. new[] { "lastName", "firstName", "company", "number", "createdAt", "updatedAt" }.SelectMany(k => new[] { k, "-" + k })];

    static readonly string?[] FirstNames = ["Ana", "ana", "Ána", "Zoë", null];
    static readonly string?[] LastNames = ["O'Brien", "OBrien", "Müller", "Muller", "de la Cruz", null, "Zed"];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Paging_in_any_order_while_clients_are_added_and_deleted_neither_skips_nor_repeats_one(string sort)
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync($"PG-{Guid.NewGuid():N}"[..20]);
        // Saved at once, so they share their creation and update instants.
        var ids = await app.WithDbAsync(async db =>
        {
            var clients = Enumerable.Range(0, 48).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                Kind = LastNames[i % LastNames.Length] is null ? ClientKind.Business : ClientKind.Consumer,
                FirstName = FirstNames[i % FirstNames.Length],
                LastName = LastNames[i % LastNames.Length],
                Company = i % 3 == 0 ? "Tie & Co" : null,
                Student = new ClientStudent { OrganizationId = school },
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
            return clients.Select(c => c.Id).ToList();
        });
        var list = $"/api/v1/clients?organizationId={school}&sort={sort}";
        var expected = (await admin.SearchAsync($"organizationId={school}&sort={sort}&limit=200")).Items.Select(c => c.Id).ToList();
        expected.Count.ShouldBe(ids.Count);

        var doomed = new Queue<long>(ids.Where((_, i) => i % 5 == 2));
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.SearchAsync($"organizationId={school}&sort={sort}&limit=4" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            page.Items.Count.ShouldBeLessThanOrEqualTo(4);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;

            // Meanwhile: a client at each end of every order, and one of the others deleted.
            await admin.CreateAsync(new { kind = "consumer", firstName = "Aaron", lastName = "Aaronson", company = "AAA", student = new { organizationId = school } });
            await admin.CreateAsync(new { kind = "consumer", firstName = "Zygmunt", lastName = "Zzyzx", company = "ZZZ", student = new { organizationId = school } });
            if (doomed.TryDequeue(out var gone))
                (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{gone}").WithIfMatch("\"1\"")))
                    .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        } while (cursor is not null && ++pages < 100);

        cursor.ShouldBeNull(list);
        seen.ShouldBeUnique(list);
        var keptAllAlong = expected.Where(id => !ids.Where((_, i) => i % 5 == 2).Contains(id)).ToList();
        seen.Where(keptAllAlong.Contains).ToList().ShouldBe(keptAllAlong, list);
    }

    [Fact]
    public async Task A_listed_client_reads_as_the_client_read_alone()
    {
        var admin = await app.AdminAsync();
        var spouse = await admin.RelationshipIdAsync("Spouse");
        var child = await admin.RelationshipIdAsync("Child");
        var school = await admin.OrganizationIdAsync($"LR-{Guid.NewGuid():N}"[..20]);
        var created = await admin.CreateAsync(new
        {
            kind = "consumer",
            firstName = "Listed",
            lastName = "Likealone",
            referralSource = "Friend",
            birthDate = "2009-05-12",
            emailOptOut = true,
            addresses = new[]
            {
                new { label = "home", isPrimary = true, address = new { line1 = "45 Maple St", line2 = (string?)"Apt 2", city = "Springfield", region = "IL", postalCode = "62701", country = "US" } },
                new { label = "cabin", isPrimary = false, address = new { line1 = "1 Lake Rd", line2 = (string?)null, city = "Lake Geneva", region = "WI", postalCode = "53147", country = "US" } },
            },
            phones = new[]
            {
                new { label = "mobile", number = "(217) 555-0142", smsCapable = true, isPrimary = true },
                new { label = "home", number = "217.555.0188", smsCapable = false, isPrimary = false },
            },
            emails = new[]
            {
                new { label = "home", address = "listed@example.com", isPrimary = true },
                new { label = "school", address = "listed@school.example", isPrimary = false },
            },
            familyMembers = new[]
            {
                new { firstName = "Pat", lastName = "Likealone", relationshipId = spouse, phone = (string?)"217 555 0143", email = (string?)"pat@example.com", birthDate = (string?)"1980-02-01", notes = (string?)"Pays" },
                new { firstName = "Kim", lastName = "Likealone", relationshipId = child, phone = (string?)null, email = (string?)null, birthDate = (string?)null, notes = (string?)null },
            },
            student = new
            {
                organizationId = school, studentId = "LR-1", grade = "11", homeroom = "B12", teacher = "Ms. Ortiz", graduationYear = 2027,
                guardian = new { name = "Pat Likealone", phone = "217 555 0143", email = "pat@example.com" },
            },
        });

        var alone = System.Text.Json.Nodes.JsonNode.Parse(await (await admin.GetAsync($"/api/v1/clients/{created.Id}")).Content.ReadAsStringAsync())!;
        var page = System.Text.Json.Nodes.JsonNode.Parse(await (await admin.GetAsync("/api/v1/clients?q=likealone")).Content.ReadAsStringAsync())!;
        var listed = page["items"]!.AsArray().Single()!;

        System.Text.Json.Nodes.JsonNode.DeepEquals(listed, alone).ShouldBeTrue($"listed: {listed.ToJsonString()}\nalone:  {alone.ToJsonString()}");
        alone["phones"]!.AsArray().Count.ShouldBe(2);
        alone["student"]!["guardian"]!["name"]!.GetValue<string>().ShouldBe("Pat Likealone");
    }
}
