using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Imaging.Images;

public sealed record ImageBody(
    long Id, int Version, long SessionId, int Number, string OriginalFileName, string Format, string ContentType, long ByteSize,
    string Sha256, int Width, int Height, int? Orientation, string? CaptureTime, string? CameraMake, string? CameraModel,
    string RenditionState, string? RenditionError, DateTimeOffset? DeletedAt);

public sealed record ImagePage(List<ImageBody> Items, string? NextCursor);

public sealed record ImportProblemBody(int Status, string Title, string Detail);

public sealed record ImportedFileBody(int Index, string FileName, string Outcome, ImageBody? Image, long? DuplicateOfId, int? DuplicateOfNumber, ImportProblemBody? Problem);

public sealed record ImportBody(List<ImportedFileBody> Files);

public sealed record ImageLinkBody(string Url, DateTimeOffset ExpiresAt);

/// <summary>Sessions to import into, the orientation test images, and the calls an importing app makes.</summary>
public static class ImageKit
{
    public static string TestImage(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "exif-orientation", name);

    public static (string Name, byte[] Bytes) File(string name) => (name, System.IO.File.ReadAllBytes(TestImage(name)));

    public static async Task<long> NewSessionAsync(StudioApiFactory app)
    {
        var booking = await Booking.InChicagoAsync(app);
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(30, 3000));
        return (await booking.CreateAsync(booking.Session(day.ToString("yyyy-MM-dd"), "09:00", "10:00"))).Id;
    }

    public static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "files", name);
        }
        return form;
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, long sessionId, params (string Name, byte[] Bytes)[] files) =>
        client.PostAsync($"/api/v1/sessions/{sessionId}/images", Form(files));

    public static async Task<List<ImageBody>> ListAsync(this HttpClient client, long sessionId)
    {
        var response = await client.GetAsync($"/api/v1/sessions/{sessionId}/images?limit=200");
        return (await response.ShouldBeAsync<ImagePage>(HttpStatusCode.OK)).Items;
    }

    /// <summary>Waits for the background worker to make every image's renditions; fails if one fails or it takes too long.</summary>
    public static async Task<List<ImageBody>> WhenRenderedAsync(this HttpClient client, long sessionId)
    {
        List<ImageBody> images = [];
        return await Eventually.ValueAsync(async () =>
        {
            images = await client.ListAsync(sessionId);
            images.Where(i => i.RenditionState == "failed").ShouldBeEmpty();
            return images.All(i => i.RenditionState == "ready") ? images : null;
        }, TimeSpan.FromSeconds(90), () => $"Renditions still pending: {string.Join(", ", images.Where(i => i.RenditionState != "ready").Select(i => i.Number))}");
    }

    /// <summary>A client of another host on the same database and files (a restart, or other settings), signed in as admin.</summary>
    public static async Task<HttpClient> AdminOfAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = StudioApiFactory.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    sealed record TokenBody(string AccessToken);

    /// <summary>The originals stored for a session, on disk.</summary>
    public static string[] StoredOriginals(StudioApiFactory app, long sessionId)
    {
        var folder = Path.Combine(app.DataDirectory, "files", "sessions", sessionId.ToString());
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "original.*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Uploads' temporary files (the rendition worker's come and go on their own).</summary>
    public static string[] TempFiles(StudioApiFactory app)
    {
        var folder = Path.Combine(app.DataDirectory, "files", ".tmp");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "upload-*") : [];
    }
}
