using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// What a JSON body may carry: the fields its schema lists, at every depth. Unknown ones are refused by name (the
/// contract says <c>additionalProperties: false</c>), except that an update takes back the record as read; null in a
/// field that cannot be null counts as leaving it out; a body that is no object is refused whole.
/// </summary>
public sealed class JsonBodyTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    async Task<JsonObject> OrganizationsAsync(HttpClient admin, string code) =>
        (JsonObject)JsonNode.Parse(await admin.GetStringAsync($"/api/v1/organizations?q={code}"))!;

    [Fact]
    public async Task Unknown_fields_are_refused_each_by_its_path_and_nothing_is_created()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/organizations", Json("""
            { "name": "Birch Academy", "code": "BIRCH", "nickname": "Birchy",
              "address": { "city": "Springfield", "planet": "Earth" },
              "contacts": [ { "name": "Dana" }, { "name": "Lee", "pager": "555" } ] }
            """));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["nickname", "address.planet", "contacts[1].pager"], ignoreOrder: true);
        (await OrganizationsAsync(admin, "BIRCH"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_update_takes_back_the_record_as_read_with_a_change_but_refuses_anything_else_unknown()
    {
        var admin = await app.AdminAsync();
        var id = await admin.OrganizationIdAsync("ELM");
        var read = await admin.GetAsync($"/api/v1/organizations/{id}");
        var record = (JsonObject)JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        record["name"] = "Elm Grammar";

        var saved = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{id}") { Content = Json(record.ToJsonString()) }
            .WithIfMatch(read.Headers.ETag!.Tag));

        var updated = await saved.ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        (updated["name"]!.GetValue<string>(), updated["version"]!.GetValue<int>()).ShouldBe(("Elm Grammar", record["version"]!.GetValue<int>() + 1));
        updated["createdAt"]!.GetValue<DateTimeOffset>().ShouldBe(record["createdAt"]!.GetValue<DateTimeOffset>());

        updated["mascot"] = "Owl";
        var refused = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/organizations/{id}") { Content = Json(updated.ToJsonString()) }
            .WithIfMatch(saved.Headers.ETag!.Tag));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["mascot"]);
    }

    [Fact]
    public async Task A_header_cannot_be_smuggled_in_the_body()
    {
        var admin = await app.AdminAsync();
        var id = await admin.OrganizationIdAsync("OAK");

        var response = await admin.PutAsync($"/api/v1/organizations/{id}", Json("""{ "name": "Oak", "code": "OAK", "ifMatch": "\"1\"" }"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["ifMatch"]);
    }

    [Fact]
    public async Task Null_in_a_field_that_cannot_be_null_is_the_field_left_out()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/locations", Json("""{ "name": "Garden Annex", "isActive": null, "address": null }"""));

        var location = await response.ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
        location["isActive"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"Willow\"")]
    [InlineData("{ \"name\": ")]
    [InlineData("")]
    public async Task A_body_that_is_no_json_object_is_refused_whole(string body)
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/organizations", Json(body));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["serializerErrors"]);
    }

    [Fact]
    public async Task A_null_item_in_a_list_is_refused_by_its_place()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/organizations", Json("""{ "name": "Ash", "code": "ASH", "contacts": [ { "name": "Dana" }, null ] }"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["contacts[1]"]);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_a_415_problem()
    {
        var admin = await app.AdminAsync();
        var content = new ByteArrayContent("""{ "name": "Pine", "code": "PINE" }"""u8.ToArray());

        var response = await admin.PostAsync("/api/v1/organizations", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_operation_without_a_body_ignores_one_as_before()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/settings/online-booking-key/rotate", Json("""{ "anything": true }"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
