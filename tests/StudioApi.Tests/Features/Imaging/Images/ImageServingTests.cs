using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed class ImageServingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    async Task<(HttpClient Admin, ImageBody Image)> RenderedImageAsync(string name = "Landscape_3.jpg")
    {
        var admin = await app.AdminAsync();
        var session = await ImageKit.NewSessionAsync(app);
        (await admin.ImportAsync(session, ImageKit.File(name))).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (admin, (await admin.WhenRenderedAsync(session)).Single());
    }

    [Fact]
    public async Task The_original_is_served_with_its_hash_as_etag_caching_headers_ranges_and_304()
    {
        var (admin, image) = await RenderedImageAsync();
        var bytes = ImageKit.File("Landscape_3.jpg").Bytes;

        var whole = await admin.GetAsync($"/api/v1/images/{image.Id}/original");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        whole.Headers.ETag!.Tag.ShouldBe($"\"{image.Sha256}\"");
        whole.Headers.CacheControl!.Private.ShouldBeTrue();
        whole.Headers.CacheControl.MaxAge.ShouldNotBeNull();
        whole.Content.Headers.LastModified.ShouldNotBeNull();
        whole.Headers.AcceptRanges.ShouldContain("bytes");

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{image.Id}/original");
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var part = await admin.SendAsync(range);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[100..200]);
        part.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 100-199/{bytes.Length}");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{image.Id}/original");
        again.Headers.IfNoneMatch.Add(whole.Headers.ETag);
        var notModified = await admin.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_preview_has_an_etag_of_its_own_and_answers_304_to_it()
    {
        var (admin, image) = await RenderedImageAsync("Portrait_3.jpg");

        var preview = await admin.GetAsync($"/api/v1/images/{image.Id}/preview");
        preview.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        preview.Headers.ETag!.Tag.ShouldNotBe($"\"{image.Sha256}\"");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/images/{image.Id}/preview");
        again.Headers.IfNoneMatch.Add(preview.Headers.ETag);
        (await admin.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_signed_link_works_without_a_token_and_refuses_any_change_to_it()
    {
        var (admin, image) = await RenderedImageAsync("Landscape_7.jpg");
        var sales = await app.AsRoleAsync(StudioApi.Platform.Auth.UserRole.Sales);

        var link = await (await sales.PostAsJsonAsync($"/api/v1/images/{image.Id}/links", new { rendition = "thumbnail" }))
            .ShouldBeAsync<ImageLinkBody>(HttpStatusCode.OK);
        var anonymous = app.CreateClient();

        var file = await anonymous.GetAsync(link.Url);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        link.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        file.Headers.CacheControl!.MaxAge!.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(15));

        await (await anonymous.GetAsync(link.Url.Replace("/thumbnail?", "/original?"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(link.Url.Replace("expires=", "expires=9"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(link.Url[..^2] + "AA")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Without the signature it is an ordinary protected URL: a token is needed.
        (await anonymous.GetAsync($"/api/v1/images/{image.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_link_stops_working_once_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var shortLinks = app.WithWebHostBuilder(b => b.UseSetting("Images:LinkLifetimeSeconds", "1")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var (_, image) = await RenderedImageAsync("Portrait_0.jpg");
        var admin = await ImageKit.AdminOfAsync(shortLinks);
        var link = await (await admin.PostAsJsonAsync($"/api/v1/images/{image.Id}/links", new { rendition = "preview" }))
            .ShouldBeAsync<ImageLinkBody>(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromSeconds(2.2));

        await (await shortLinks.CreateClient().GetAsync(link.Url)).ShouldBeProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_deleted_image_leaves_the_list_and_comes_back_on_restore_with_its_number()
    {
        var (admin, image) = await RenderedImageAsync("Landscape_8.jpg");

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/images/{image.Id}").WithIfMatch($"\"{image.Version}\"");
        (await admin.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.ListAsync(image.SessionId)).ShouldBeEmpty();
        (await admin.GetAsync($"/api/v1/images/{image.Id}/preview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var restored = await (await admin.PostAsync($"/api/v1/images/{image.Id}/restore", null)).ShouldBeAsync<ImageBody>(HttpStatusCode.OK);
        restored.Number.ShouldBe(image.Number);
        (await admin.ListAsync(image.SessionId)).Select(i => i.Id).ShouldBe([image.Id]);
    }

    [Fact]
    public async Task Deleting_the_session_takes_its_images_to_the_recycle_bin_and_restoring_it_brings_them_back()
    {
        var (admin, image) = await RenderedImageAsync("Portrait_2.jpg");
        var session = await (await admin.GetAsync($"/api/v1/sessions/{image.SessionId}")).ShouldBeAsync<StudioApi.Tests.Features.Scheduling.Sessions.IdBody>(HttpStatusCode.OK);

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}").WithIfMatch($"\"{session.Version}\"");
        (await admin.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/images/{image.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/images/{image.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_image_of_a_session_in_the_recycle_bin_comes_back_only_with_its_session()
    {
        var (admin, image) = await RenderedImageAsync("Landscape_5.jpg");
        var session = await (await admin.GetAsync($"/api/v1/sessions/{image.SessionId}")).ShouldBeAsync<StudioApi.Tests.Features.Scheduling.Sessions.IdBody>(HttpStatusCode.OK);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}").WithIfMatch($"\"{session.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var alone = await admin.PostAsync($"/api/v1/images/{image.Id}/restore", null);

        await alone.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.GetAsync($"/api/v1/images/{image.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not a live image in a deleted session");
        (await admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/images/{image.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
