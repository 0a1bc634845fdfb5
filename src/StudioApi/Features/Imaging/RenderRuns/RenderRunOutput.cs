using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// A finished run's output: manifest.json, and a zip of the rendered files plus the manifest, streamed into a
/// temporary file (never whole in memory) and moved into the store in one step.
/// </summary>
public sealed class RenderRunOutput(IFileStore store)
{
    public sealed record Written(long Bytes, string Sha256);

    /// <summary>As the API writes JSON: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public async Task<Written> WriteAsync(RenderRun run, RenderProfile? profile, RenderRunState state, DateTime finishedAt,
        IReadOnlyList<RenderRunItem> items, IReadOnlyList<RenderRunMissingStudent>? missing, CancellationToken ct)
    {
        var manifest = new RenderRunManifest
        {
            RunId = run.Id,
            State = state,
            RenderJobId = run.RenderJobId,
            Profile = profile is null ? null : RenderProfileResponse.From(profile),
            Package = RenderRunPackageResponse.From(run.Package),
            StudentsWithoutImage = missing?.Select(RenderRunMissingStudentResponse.From).ToList(),
            Sessions = run.Sessions.Select(s => new RenderRunSessionResponse { Id = s.SessionId, Number = s.SessionNumber }).ToList(),
            CreatedAt = run.CreatedAt,
            StartedAt = run.StartedAt,
            FinishedAt = finishedAt,
            Files = items.Where(i => i.State == RenderRunItemState.Done).Select(i => new RenderRunManifestFile
            {
                Name = i.OutputName,
                ImageId = i.ImageId,
                SessionNumber = i.SessionNumber,
                ImageNumber = i.ImageNumber,
                Bytes = i.Bytes ?? 0,
                Sha256 = i.Sha256 ?? "",
            }).ToList(),
            Errors = items.Where(i => i.State == RenderRunItemState.Failed).Select(RenderRunErrorResponse.From).ToList(),
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

        using var manifestFile = store.CreateTempFile("manifest");
        await File.WriteAllBytesAsync(manifestFile.Path, manifestBytes, ct);

        using var zipFile = store.CreateTempFile("zip");
        using (var zip = new ZipArchive(File.Create(zipFile.Path), ZipArchiveMode.Create, leaveOpen: false))
        {
            foreach (var item in items.Where(i => i.State == RenderRunItemState.Done))
            {
                var stored = await store.OpenReadAsync(RenderRunItem.OutputKeyOf(run.Id, item.Id, item.OutputName), ct)
                             ?? throw new FileNotFoundException($"The rendered file {item.OutputName} is missing from the file store.");
                await using (stored.Content)
                {
                    // JPEG, PNG and LZW TIFF are compressed already: stored as they are.
                    var entry = zip.CreateEntry(item.OutputName, CompressionLevel.NoCompression);
                    await using var target = entry.Open();
                    await stored.Content.CopyToAsync(target, ct);
                }
            }
            if (run.Package is { } package)
                await WritePackageTextsAsync(zip, package, items, ct);
            else
            {
                // A package's volume is all its zip holds (the programs that read it take the zip's top folder as the volume).
                var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
                await using (var target = manifestEntry.Open())
                    await target.WriteAsync(manifestBytes, ct);
            }
        }

        Written written;
        await using (var file = File.OpenRead(zipFile.Path))
            written = new Written(file.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)));

        await store.PutAsync(RenderRun.ManifestKeyOf(run.Id), manifestFile, ct);
        await store.PutAsync(RenderRun.ZipKeyOf(run.Id), zipFile, ct);
        return written;
    }

    /// <summary>The index (its header, then the line of each image that rendered, in the run's order), COPYRIGHT.TXT and README.TXT, CRLF.</summary>
    static async Task WritePackageTextsAsync(ZipArchive zip, RenderRunPackage package, IReadOnlyList<RenderRunItem> items, CancellationToken ct)
    {
        var index = new System.Text.StringBuilder();
        index.Append(package.IndexHeader).Append("\r\n");
        foreach (var item in items.Where(i => i.State == RenderRunItemState.Done))
            index.Append(item.IndexRecord).Append("\r\n");
        await WriteTextAsync(zip, $"{package.VolumeName}/{package.IndexFileName}", index.ToString(), ct);
        await WriteTextAsync(zip, $"{package.VolumeName}/COPYRIGHT.TXT", package.Copyright, ct);
        await WriteTextAsync(zip, $"{package.VolumeName}/README.TXT", package.Readme, ct);
    }

    static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var crlf = text.ReplaceLineEndings("\r\n");
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var target = entry.Open();
        await target.WriteAsync(PackageText.Encoding.GetBytes(crlf), ct);
    }
}
