using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Imaging;
using StudioApi.Features.Scheduling;

namespace StudioApi.Tests.Features.Imaging.RenderRuns;

public sealed record RunProfileBody(long Id, string Name);

public sealed record RunSessionBody(long Id, int Number);

public sealed record RunErrorBody(long ImageId, int SessionNumber, int ImageNumber, string Message);

public sealed record RunOutputBody(string Manifest, string Zip, long ZipBytes);

public sealed record RunBody(
    long Id, RunProfileBody Profile, long? RenderJobId, List<RunSessionBody> Sessions, string State, int Total, int Done, int Failed,
    string? Error, List<RunErrorBody> Errors, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, RunOutputBody? Output);

public sealed record RunPage(List<RunBody> Items, string? NextCursor);

public sealed record ManifestFileBody(string Name, long ImageId, int SessionNumber, int ImageNumber, long Bytes, string Sha256);

public sealed record ManifestBody(long RunId, string State, long? RenderJobId, JsonElement Profile, List<RunSessionBody> Sessions,
    List<ManifestFileBody> Files, List<RunErrorBody> Errors);

/// <summary>Profiles, sessions of real photos, and waiting for the render worker.</summary>
public static class RenderRunKit
{
    static readonly string[] Finished = ["completed", "completedWithErrors", "failed", "cancelled"];

    /// <summary>A small profile (300 px long edge) so the suite stays fast.</summary>
    public static async Task<long> NewProfileAsync(HttpClient admin, string pattern = "{sessionNumber}-{imageNumber}", string images = "all")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/render-profiles", new
        {
            name = $"Proofs {Guid.NewGuid():N}"[..30],
            size = new { mode = "longEdge", longEdgePx = 300 },
            format = "jpeg",
            quality = 80,
            fileNamePattern = pattern,
            images,
        });
        return (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    /// <summary>A new session with these test photos imported, numbered 1, 2… in this order.</summary>
    public static async Task<(long Id, int Number)> SessionWithImagesAsync(StudioApiFactory app, HttpClient admin, params string[] photos)
    {
        var session = await ImageKit.NewSessionAsync(app);
        if (photos.Length > 0)
        {
            var imported = await (await admin.ImportAsync(session, photos.Select(ImageKit.File).ToArray())).ShouldBeAsync<ImportBody>(HttpStatusCode.OK);
            imported.Files.ShouldAllBe(f => f.Outcome == "imported");
        }
        var number = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == session).Select(s => s.Number).SingleAsync());
        return (session, number);
    }

    /// <summary>Overwrites an image's stored original with bytes no decoder accepts (as a disk fault would).</summary>
    public static async Task CorruptOriginalAsync(StudioApiFactory app, long sessionId, int imageNumber)
    {
        var key = await app.WithDbAsync(db => db.SessionImages.Where(i => i.SessionId == sessionId && i.Number == imageNumber)
            .Select(i => i.StorageKey).SingleAsync());
        var path = Path.Combine(app.DataDirectory, "files", key);
        var bytes = await File.ReadAllBytesAsync(path);
        // A JPEG header followed by noise: recognised as a JPEG, not decodable.
        var broken = bytes[..200].Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251))).ToArray();
        // Replaced, not rewritten in place: the rendition worker may be decoding this very file, and libjpeg reading a
        // file that is truncated under it crashes the process (libvips#4397). The store never rewrites files; nor does this.
        await File.WriteAllBytesAsync(path + ".broken", broken);
        File.Move(path + ".broken", path, overwrite: true);
    }

    public static async Task<RunBody> StartAsync(this HttpClient client, long profileId, params long[] sessionIds)
    {
        var response = await client.PostAsJsonAsync("/api/v1/render-runs", new { profileId, sessionIds });
        return await response.ShouldBeAsync<RunBody>(HttpStatusCode.Accepted);
    }

    public static async Task<RunBody> GetRunAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/render-runs/{id}")).ShouldBeAsync<RunBody>(HttpStatusCode.OK);

    /// <summary>Polls the run until it has finished, as a client would.</summary>
    public static async Task<RunBody> WhenFinishedAsync(this HttpClient client, long id)
    {
        RunBody? run = null;
        return await Eventually.ValueAsync(async () =>
        {
            run = await client.GetRunAsync(id);
            return Finished.Contains(run.State) ? run : null;
        }, TimeSpan.FromSeconds(90), () => $"Render run {id} is still {run?.State} ({run?.Done} of {run?.Total} done).");
    }

    /// <summary>Waits until <paramref name="check"/> returns a value, or fails after a minute.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T?>> check, string what) =>
        Eventually.ValueAsync(check, TimeSpan.FromSeconds(60), () => $"Still waiting for {what}.");
}
