using System.Net.Http.Headers;
using StudioApi.Client;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>The generated C# SDK (sdk/csharp) against the real app: what a .NET integrator would write.</summary>
public sealed class CSharpSdkTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_sdk_signs_in_creates_an_organization_and_reads_it_back()
    {
        var http = await SignedInAsync();
        var organizations = new OrganizationsClient(http);

        var created = await organizations.CreateAsync(idempotencyKey: null, NewOrganization("Maple High", "MAPLE"));
        var read = await organizations.GetAsync(created.Id);

        read.Name.ShouldBe("Maple High");
        read.Code.ShouldBe("MAPLE");
        read.Version.ShouldBe(1);
        read.Address.City.ShouldBe("Springfield");
        read.Contacts.Single().Name.ShouldBe("Dana Whitfield");
        read.YearbookImageSpec.Dpi.ShouldBe(300);
        read.CreatedBy.ShouldBe("admin");
        read.DeletedAt.ShouldBeNull();
        // The sort is an enum in the SDK, sent as the contract's value ("-name").
        var other = await organizations.CreateAsync(idempotencyKey: null, NewOrganization("Maple Academy", "MAPLE-A"));
        var page = await organizations.ListAsync(q: "MAPLE", deleted: null, limit: 10, cursor: null, sort: ListOrganizationsSort.NameDescending);
        page.Items.Select(o => o.Id).ShouldBe([created.Id, other.Id]);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task A_stale_if_match_through_the_sdk_is_an_api_exception_with_status_412_and_changes_nothing()
    {
        var http = await SignedInAsync();
        var organizations = new OrganizationsClient(http);
        var created = await organizations.CreateAsync(idempotencyKey: null, NewOrganization("Cedar School", "CEDAR"));
        var update = new UpdateOrganizationRequest { Name = "Cedar Academy", Code = "CEDAR" };
        var current = await organizations.UpdateAsync(created.Id, $"\"{created.Version}\"", update);

        var stale = await Should.ThrowAsync<ApiException>(() =>
            organizations.UpdateAsync(created.Id, $"\"{created.Version}\"", new UpdateOrganizationRequest { Name = "Cedar Lyceum", Code = "CEDAR" }));

        stale.StatusCode.ShouldBe(412);
        stale.ShouldBeOfType<ApiException<ProblemDetails>>().Result.CurrentVersion.ShouldBe(current.Version);
        (await organizations.GetAsync(created.Id)).Name.ShouldBe("Cedar Academy");
    }

    [Fact]
    public async Task An_optional_field_the_sdk_leaves_unset_takes_its_default()
    {
        var locations = new LocationsClient(await SignedInAsync());

        // The SDK sends the unset isActive as null; null in a field that cannot be null counts as leaving it out.
        var created = await locations.CreateAsync(idempotencyKey: null, new CreateLocationRequest { Name = "Garden Annex" });

        created.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_calendar_feed_made_through_the_sdk_is_the_created_feed()
    {
        var calendar = new CalendarClient(await SignedInAsync());
        var photographer = await app.CreateUserAsync($"p-{Guid.NewGuid():N}"[..20], StudioApi.Platform.Auth.UserRole.Photographer);

        // It answers 201, which the contract once did not list, so the SDK threw on success.
        var feed = await calendar.CreateFeedAsync(new CreateCalendarFeedRequest { UserId = photographer.Id });

        feed.UserId.ShouldBe(photographer.Id);
        feed.Url.ShouldEndWith(".ics");
    }

    async Task<HttpClient> SignedInAsync()
    {
        var http = app.CreateClient();
        var token = await new AuthClient(http).CreateTokenAsync(new CreateTokenRequest { Username = "admin", Password = StudioApiFactory.AdminPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return http;
    }

    static CreateOrganizationRequest NewOrganization(string name, string code) => new()
    {
        Name = name,
        Code = code,
        Address = new PostalAddress { Line1 = "1 Main St", City = "Springfield", Region = "IL", PostalCode = "62704", Country = "US" },
        Contacts = [new OrganizationContact { Name = "Dana Whitfield", Role = "Yearbook adviser", Email = "dana@school.example" }],
        YearbookImageSpec = new YearbookImageSpec { WidthPx = 640, HeightPx = 800, Dpi = 300, FileNamePattern = "{studentId}" },
    };
}
