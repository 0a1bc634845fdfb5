using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;

namespace StudioApi.Benchmarks;

/// <summary>
/// A PSPA yearbook package of one school: students each with a session of one portrait (1,200 × 1,500 JPEG) chosen
/// as their main yearbook image, made through the API at 640 × 800; prints the time from the request to the zip.
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --yearbook [students]
/// </summary>
public static class YearbookPackageBenchmark
{
    public static async Task RunAsync(int students)
    {
        await using var app = new BenchApp();
        await app.StartAsync();
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "Bench High", code = "BENCH-HS",
            yearbookImageSpec = new { widthPx = 640, heightPx = 800, dpi = 300, fileNamePattern = "{studentId}" },
        });
        var organization = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var portrait = Portrait();

        var setup = Stopwatch.StartNew();
        long lastImageId = 0;
        for (var n = 1; n <= students; n++)
        {
            var client = await admin.PostAsJsonAsync("/api/v1/clients", new
            {
                firstName = $"Given{n}", lastName = $"Family{n}",
                student = new { organizationId = organization, studentId = $"S{n:00000}", grade = $"{9 + n % 4}", homeroom = $"HR{n % 30}", teacher = $"Teacher {n % 30}" },
            });
            var clientId = (await client.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var session = await admin.PostAsJsonAsync("/api/v1/sessions", new
            {
                clientId, date = "2031-09-10", startTime = "09:00", endTime = "09:05",
                organizationId = organization, overrideConflicts = true,
            });
            var sessionId = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            // Each portrait carries its own JPEG comment, so no import is a duplicate of another.
            var comment = System.Text.Encoding.ASCII.GetBytes($"S{n:00000}");
            byte[] bytes = [0xFF, 0xD8, 0xFF, 0xFE, 0, (byte)(comment.Length + 2), .. comment, .. portrait[2..]];
            var import = await admin.PostAsync($"/api/v1/sessions/{sessionId}/images",
                new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "files", $"S{n}.jpg" } });
            var imageId = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0].GetProperty("image").GetProperty("id").GetInt64();
            (await admin.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/yearbook-selections", new { mainImageId = imageId })).EnsureSuccessStatusCode();
            lastImageId = imageId;
        }
        Console.WriteLine($"{students:N0} students with a chosen portrait, made in {setup.Elapsed.TotalSeconds:N1} s");
        // The previews and thumbnails are made in the background too: the package is timed once they are done.
        while ((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/images/{lastImageId}")).GetProperty("renditionState").GetString() == "pending")
            await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        var started = await admin.PostAsJsonAsync($"/api/v1/organizations/{organization}/yearbook-packages", new { });
        var run = await started.Content.ReadFromJsonAsync<JsonElement>();
        var answered = clock.ElapsedMilliseconds;
        while (run.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(100);
            run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/render-runs/{run.GetProperty("id").GetInt64()}");
        }
        Console.WriteLine($"PSPA package of {students:N0} students: {(int)started.StatusCode} answered in {answered:N0} ms, {run.GetProperty("state")} in " +
                          $"{clock.Elapsed.TotalSeconds:N1} s ({students / clock.Elapsed.TotalSeconds:N1} images/s), zip " +
                          $"{run.GetProperty("output").GetProperty("zipBytes").GetInt64() / 1024 / 1024:N1} MB");
    }

    static byte[] Portrait()
    {
        using var gradient = Image.Xyz(1200, 1500);
        using var band = gradient[0] * 0.2 + gradient[1] * 0.1;
        using var rgb = band.Bandjoin(band * 0.8, band * 0.6);
        using var image = rgb.Cast(Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 90);
    }
}
