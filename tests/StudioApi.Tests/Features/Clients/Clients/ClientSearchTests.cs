using System.Net;
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
    public async Task An_unknown_sort_key_is_a_validation_problem()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync("/api/v1/clients?sort=birthDate")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["sort"]);
    }

    static async Task<ClientBody> FindOrCreateAsync(HttpClient admin, string lastName, Func<object> body)
    {
        var existing = await admin.SearchAsync($"q={lastName}");
        return existing.Items.SingleOrDefault() ?? await admin.CreateAsync(body());
    }
}
