using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace StudioApi.Benchmarks;

/// <summary>
/// A session's worth of camera-sized JPEGs imported through POST /sessions/{id}/images (streaming multipart: checked,
/// hashed, stored, recorded), a few files a request like a kiosk uploading over Wi-Fi, then waited on until every
/// preview and thumbnail is made by the background worker. Prints upload MB/s, end-to-end images/s, and the process's
/// peak working set against the bytes uploaded (streaming means the peak does not grow with the batch).
/// </summary>
public static class ImportBenchmark
{
    const int Files = 24, FilesPerRequest = 4;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("studioapi-import-bench-").FullName;
        try
        {
            var files = ImageBenchmark.Generate(folder, Files);
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"{files.Count} camera-like JPEGs (6000x4000 q92), {bytes / 1e6:F0} MB in all, {FilesPerRequest} a request");

            await using var app = new BenchApp();
            await app.StartAsync();
            var admin = await app.AdminAsync();
            var client = await ReadIdAsync(await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Bench", lastName = "Import" }));
            var session = await ReadIdAsync(await admin.PostAsJsonAsync("/api/v1/sessions",
                new { clientId = client, date = "2027-06-01", startTime = "10:00", endTime = "11:00" }));

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var startMegabytes = process.WorkingSet64 / 1e6;
            var clock = Stopwatch.StartNew();
            foreach (var batch in files.Chunk(FilesPerRequest))
            {
                using var form = new MultipartFormDataContent();
                foreach (var file in batch)
                {
                    var part = new StreamContent(File.OpenRead(file));
                    part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    form.Add(part, "files", Path.GetFileName(file));
                }
                using var response = await admin.PostAsync($"/api/v1/sessions/{session}/images", form);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            var uploaded = clock.Elapsed;

            // Renditions are made in the background; wait until all are ready.
            while (true)
            {
                using var list = await admin.GetAsync($"/api/v1/sessions/{session}/images?limit=100");
                using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
                var states = page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("renditionState").GetString()).ToList();
                if (states.Count == Files && states.All(s => s is "ready" or "failed"))
                {
                    if (states.Any(s => s == "failed"))
                        throw new InvalidOperationException("A rendition failed.");
                    break;
                }
                await Task.Delay(50);
            }
            var allReady = clock.Elapsed;
            process.Refresh();

            Console.WriteLine($"Upload (import only):        {bytes / 1e6 / uploaded.TotalSeconds,8:F1} MB/s  ({uploaded.TotalSeconds:F2} s, {Files / uploaded.TotalSeconds:F1} files/s)");
            Console.WriteLine($"Upload + all renditions:     {Files / allReady.TotalSeconds,8:F2} images/s ({allReady.TotalSeconds:F2} s; rendition workers: 1)");
            Console.WriteLine($"Process working set: {startMegabytes:F0} MB before, peak {process.PeakWorkingSet64 / 1e6:F0} MB, for {bytes / 1e6:F0} MB uploaded");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<long> ReadIdAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetInt64();
    }
}
