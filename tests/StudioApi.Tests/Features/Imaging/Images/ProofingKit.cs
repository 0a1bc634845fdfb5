using System.Net;
using System.Net.Http.Json;
using NetVips;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed record CropBody(double X, double Y, double Width, double Height, string? AspectRatio);

public sealed record ProofedImageBody(
    long Id, int Version, long SessionId, int Number, int Width, int Height, int? Orientation, string RenditionState,
    string ProofState, bool Favorite, bool HiddenOnline, int Rotation, CropBody? Crop, string YearbookRole);

public sealed record ProofedImagePage(List<ProofedImageBody> Items, string? NextCursor);

public sealed record ProofingResultBody(long ImageId, string Outcome, ProofedImageBody? Image, string? Reason);

public sealed record BulkProofingBody(List<ProofingResultBody> Results);

/// <summary>Sessions of an organization, generated JPEGs, and the proofing calls a kiosk makes.</summary>
public static class ProofingKit
{
    /// <summary>A small JPEG of its own content (so no two are duplicates), made with NetVips.</summary>
    public static (string Name, byte[] Bytes) Jpeg(string name, int seed, int width = 64, int height = 48)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var colour = black.NewFromImage(seed % 256, seed / 256 % 256, seed * 7 % 256);
        using var image = colour.Cast(Enums.BandFormat.Uchar);
        return (name, image.JpegsaveBuffer(q: 90));
    }

    public static async Task<long> NewOrganizationAsync(StudioApiFactory app) =>
        await (await app.AdminAsync()).OrganizationIdAsync($"S{Guid.NewGuid():N}"[..10]);

    /// <summary>A session of a new client at the organization, on the given day (a picture day).</summary>
    public static async Task<SessionBody> NewOrganizationSessionAsync(StudioApiFactory app, long organizationId, string? studentId, DateOnly? day = null)
    {
        var booking = await Booking.InChicagoAsync(app);
        var date = day ?? DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(Random.Shared.Next(30, 3000)));
        var body = booking.Session(date.ToString("yyyy-MM-dd"), $"{Random.Shared.Next(8, 17):00}:00", "17:30");
        body["organizationId"] = organizationId;
        body["studentId"] = studentId;
        return await booking.CreateAsync(body);
    }

    public static async Task<List<ProofedImageBody>> ImagesAsync(this HttpClient client, long sessionId, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/sessions/{sessionId}/images?limit=200{query}");
        return (await response.ShouldBeAsync<ProofedImagePage>(HttpStatusCode.OK)).Items;
    }

    public static async Task<ProofedImageBody> ImageAsync(this HttpClient client, long imageId) =>
        await (await client.GetAsync($"/api/v1/images/{imageId}")).ShouldBeAsync<ProofedImageBody>(HttpStatusCode.OK);

    /// <summary>Imports the files and returns the images they became, in order.</summary>
    public static async Task<List<ProofedImageBody>> ImportedAsync(this HttpClient client, long sessionId, params (string Name, byte[] Bytes)[] files)
    {
        (await client.ImportAsync(sessionId, files)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await client.ImagesAsync(sessionId);
    }

    public static Task<HttpResponseMessage> SetProofingAsync(this HttpClient client, ProofedImageBody image, object body) =>
        client.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/images/{image.Id}/proofing", body).WithIfMatch($"\"{image.Version}\""));

    public static Task<HttpResponseMessage> BulkProofingAsync(this HttpClient client, long sessionId, params object[] changes) =>
        client.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/images/proofing", new { images = changes });
}
