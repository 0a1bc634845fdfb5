using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>
/// The one file of a roster upload (multipart/form-data, part "file"), read into memory up to <see cref="MaxBytes"/>:
/// a zip is read from its end, so it needs the whole file. 415 for a body that is not multipart, 413 past the limit,
/// 400 for no file or more than one.
/// </summary>
public static class RosterUpload
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = MaxBytes + 64 * 1024;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the roster as multipart/form-data with the file in a part named file.");

        var reader = new MultipartReader(boundary, http.Request.Body);
        byte[]? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                    continue;
                if (file is not null)
                    throw ApiProblem.InvalidInput("file", "Send one roster file per import.");
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, ct)) > 0)
                {
                    if (buffer.Length + read > MaxBytes)
                        throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Content too large", $"A roster file may be at most {MaxBytes / 1024 / 1024} MB.");
                    buffer.Write(chunk, 0, read);
                }
                file = buffer.ToArray();
            }
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            throw ApiProblem.InvalidInput("file", "The multipart body is malformed or ended early: send the file again.");
        }
        catch (InvalidDataException)
        {
            throw ApiProblem.InvalidInput("file", "The multipart body is malformed: send the file again.");
        }
        return file ?? throw ApiProblem.InvalidInput("file", "The upload holds no file: send the roster as a multipart part named file, with a file name.");
    }
}
