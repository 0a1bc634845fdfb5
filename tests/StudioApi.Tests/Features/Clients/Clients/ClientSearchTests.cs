using System.Net;
using StudioApi.Features.Clients;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed class ClientSearchTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Searching_by_name_finds_first_and_last_names_and_every_word_must_match()
    {
        var admin = await app.AdminAsync();
        var eleanor = await admin.CreateAsync(ClientRequests.Consumer("Eleanor", "Whitmore"));
        await admin.CreateAsync(ClientRequests.Consumer("Eleanor", "Quincey"));
        await admin.CreateAsync(ClientRequests.Consumer("Walter", "Whitmore"));

        (await admin.SearchAsync("q=whitmore")).Items.Count.ShouldBe(2);
        (await admin.SearchAsync("q=eleanor")).Items.Count.ShouldBe(2);
        (await admin.SearchAsync("q=Eleanor%20Whitmore")).Items.Single().Id.ShouldBe(eleanor.Id);
    }

    [Theory]
    [InlineData("3125557788")]
    [InlineData("555-7788")]
    [InlineData("(312)%20555%2077%2088")]
    public async Task Searching_by_phone_ignores_how_the_number_is_punctuated(string query)
    {
        var admin = await app.AdminAsync();
        var client = await FindOrCreateAsync(admin, "Phonely", () => ClientRequests.Consumer("Pat", "Phonely", phone: "+1 (312) 555-7788"));

        (await admin.SearchAsync($"q={query}")).Items.Single().Id.ShouldBe(client.Id);
    }

    [Fact]
    public async Task Searching_by_email_or_company_finds_the_client()
    {
        var admin = await app.AdminAsync();
        var person = await admin.CreateAsync(ClientRequests.Consumer("Mae", "Mailer", email: "mae.mailer@inbox.example"));
        var business = await admin.CreateAsync(new { kind = "business", company = "Lakeside Orthodontics" });

        (await admin.SearchAsync("q=mae.mailer@inbox")).Items.Single().Id.ShouldBe(person.Id);
        (await admin.SearchAsync("q=orthodon")).Items.Single().Id.ShouldBe(business.Id);
        (await admin.SearchAsync("kind=business&q=orthodon")).Items.ShouldHaveSingleItem();
        (await admin.SearchAsync("kind=consumer&q=orthodon")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Searching_by_student_id_finds_the_student()
    {
        var admin = await app.AdminAsync();
        var school = await admin.OrganizationIdAsync("SEARCH");
        var lettered = await admin.CreateAsync(ClientRequests.Student("Sid", "Lettered", school, "LHS-44821"));
        var numeric = await admin.CreateAsync(ClientRequests.Student("Nia", "Numeric", school, "3390172"));

        (await admin.SearchAsync("q=LHS-44821")).Items.Single().Id.ShouldBe(lettered.Id);
        (await admin.SearchAsync("q=3390172")).Items.Single().Id.ShouldBe(numeric.Id);
    }

    [Fact]
    public async Task Searching_by_a_client_number_finds_that_client()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Num", "Bered", number: 987_654));

        (await admin.SearchAsync("q=987654")).Items.Single().Id.ShouldBe(client.Id);
    }

    [Fact]
    public async Task Clients_sort_by_last_name_by_default_and_by_number_on_request()
    {
        var admin = await app.AdminAsync();
        var b = await admin.CreateAsync(ClientRequests.Consumer("Sorty", "Bravo", number: 500_003));
        var a = await admin.CreateAsync(ClientRequests.Consumer("Sorty", "Alpha", number: 500_002));
        var c = await admin.CreateAsync(ClientRequests.Consumer("Sorty", "Charlie", number: 500_001));

        (await admin.SearchAsync("q=Sorty")).Items.Select(x => x.Id).ShouldBe([a.Id, b.Id, c.Id]);
        (await admin.SearchAsync("q=Sorty&sort=number")).Items.Select(x => x.Id).ShouldBe([c.Id, a.Id, b.Id]);
        (await admin.SearchAsync("q=Sorty&sort=-number&limit=2")).Items.Select(x => x.Id).ShouldBe([b.Id, a.Id]);
    }

    [Fact]
    public async Task Names_are_found_by_the_start_of_any_word_in_any_case_with_accents_and_apostrophes_ignored()
    {
        var admin = await app.AdminAsync();
        var jose = await admin.CreateAsync(ClientRequests.Consumer("José", "Quiñonero"));
        var obrien = await admin.CreateAsync(ClientRequests.Consumer("Siobhan", "O'Brien-Søndergaard"));
        var muller = await admin.CreateAsync(new { kind = "business", company = "Müller & Töchter Photo" });

        foreach (var query in new[] { "jose", "JOSÉ", "Jos", "quinon", "jose%20quinonero" })
            (await admin.SearchAsync($"q={query}")).Items.Select(c => c.Id).ShouldContain(jose.Id, query);
        foreach (var query in new[] { "o'b", "ob", "OBRI", "o%E2%80%99brien", "sondergaard", "obrien-sondergaard", "siobhan%20o'b" })
            (await admin.SearchAsync($"q={Uri.EscapeDataString(Uri.UnescapeDataString(query))}")).Items.Select(c => c.Id).ShouldContain(obrien.Id, query);
        foreach (var query in new[] { "muller", "MÜLL", "tochter", "muller%20photo" })
            (await admin.SearchAsync($"q={query}")).Items.Select(c => c.Id).ShouldContain(muller.Id, query);
        // A word is found by its start: typing the middle of a name finds nothing, so a common fragment does not
        // bury the client sought (the previous search matched anywhere in a name).
        (await admin.SearchAsync("q=rien")).Items.Select(c => c.Id).ShouldNotContain(obrien.Id);
    }

    [Theory]
    [InlineData("5557")]
    [InlineData("7788")]
    [InlineData("312555")]
    [InlineData("+1%20312")]
    public async Task A_phone_number_is_found_by_any_run_of_three_or_more_of_its_digits(string query)
    {
        var admin = await app.AdminAsync();
        var client = await FindOrCreateAsync(admin, "Phonely", () => ClientRequests.Consumer("Pat", "Phonely", phone: "+1 (312) 555-7788"));

        (await admin.SearchAsync($"q={query}")).Items.Select(c => c.Id).ShouldContain(client.Id);
    }

    [Fact]
    public async Task An_edited_client_is_found_by_its_new_details_and_no_longer_by_the_old()
    {
        var admin = await app.AdminAsync();
        var client = await admin.CreateAsync(ClientRequests.Consumer("Edie", "Oldhaven", phone: "708-555-1357", email: "edie@old.example"));

        var updated = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/clients/{client.Id}",
            ClientRequests.Consumer("Edie", "Newbury", phone: "708-555-2468", email: "edie@new.example")).WithIfMatch($"\"{client.Version}\""));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var query in new[] { "newbury", "5552468", "edie@new" })
            (await admin.SearchAsync($"q={query}")).Items.Select(c => c.Id).ShouldContain(client.Id, query);
        foreach (var query in new[] { "oldhaven", "5551357", "edie@old" })
            (await admin.SearchAsync($"q={query}")).Items.Select(c => c.Id).ShouldNotContain(client.Id, query);
    }

    [Fact]
    public async Task Names_sort_in_any_letter_case_with_accented_letters_among_their_base_letters()
    {
        var admin = await app.AdminAsync();
        var zed = await admin.CreateAsync(ClientRequests.Consumer("Sortcase", "Zed"));
        var avila = await admin.CreateAsync(ClientRequests.Consumer("Sortcase", "Ávila"));
        var avery = await admin.CreateAsync(ClientRequests.Consumer("Sortcase", "avery"));
        var delacruz = await admin.CreateAsync(ClientRequests.Consumer("Sortcase", "de la Cruz"));

        (await admin.SearchAsync("q=sortcase")).Items.Select(c => c.Id).ShouldBe([avery.Id, avila.Id, delacruz.Id, zed.Id]);
        (await admin.SearchAsync("q=sortcase&sort=-lastName")).Items.Select(c => c.Id).ShouldBe([zed.Id, delacruz.Id, avila.Id, avery.Id]);
    }

    [Fact]
    public async Task A_query_with_nothing_searchable_in_it_finds_nobody()
    {
        var admin = await app.AdminAsync();
        await admin.CreateAsync(ClientRequests.Consumer("Ampersand", "Nobody"));

        (await admin.SearchAsync($"q={Uri.EscapeDataString("&& --")}")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_sort_key_is_a_validation_problem()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync("/api/v1/clients?sort=birthDate")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["sort"]);
    }

    [Fact]
    public async Task A_common_word_finds_the_same_clients_in_every_order_as_a_rare_one_does()
    {
        // 800 clients share a last name, and their email addresses start with it: 2,400 terms start with "frequentia",
        // so outside the name order the list checks each client along its own order instead of gathering the matches
        // (SearchTermQueries.CommonMatches); in the name order it gathers them. Both find exactly the same clients.
        var admin = await app.AdminAsync();
        var ids = await app.WithDbAsync(async db =>
        {
            var clients = Enumerable.Range(0, 800).Select(i => new StudioApi.Features.Clients.Clients.Client
            {
                FirstName = i == 400 ? "Rarissima" : $"F{i}",
                LastName = "Frequentia",
                Emails = [new StudioApi.Features.Clients.Clients.ClientEmail { Address = $"frequentia{i}@mail.example" }],
            }).ToList();
            db.Clients.AddRange(clients);
            await db.SaveNumberedAsync(clients, CancellationToken.None);
            return clients.Select(c => c.Id).ToList();
        });
        var other = await admin.CreateAsync(ClientRequests.Consumer("Frequent", "Flyer"));

        foreach (var sort in new[] { "number", "-createdAt", "lastName", "-firstName" })
        {
            var found = await AllAsync(admin, $"q=frequentia&sort={sort}");
            found.ShouldBe(ids, ignoreOrder: true, sort);
            var inOrder = await AllAsync(admin, $"sort={sort}");
            found.ShouldBe(inOrder.Where(ids.Contains), sort);
        }
        (await admin.SearchAsync("q=frequentia%20rarissima&sort=number")).Items.Single().Id.ShouldBe(ids[400]);
        (await admin.SearchAsync("q=rarissima%20frequentia&sort=-createdAt")).Items.Single().Id.ShouldBe(ids[400]);
        (await AllAsync(admin, "q=frequent&sort=number")).ShouldBe([.. ids, other.Id], ignoreOrder: true);
    }

    static async Task<List<long>> AllAsync(HttpClient admin, string query)
    {
        var found = new List<long>();
        string? cursor = null;
        do
        {
            var page = await admin.SearchAsync($"{query}&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            found.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return found;
    }

    static async Task<ClientBody> FindOrCreateAsync(HttpClient admin, string lastName, Func<object> body)
    {
        var existing = await admin.SearchAsync($"q={lastName}");
        return existing.Items.SingleOrDefault() ?? await admin.CreateAsync(body());
    }
}
