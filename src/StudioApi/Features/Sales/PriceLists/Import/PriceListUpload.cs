using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Sales.PriceLists.Import;

/// <summary>
/// The one file of a price list upload (multipart/form-data, part "file"), read into memory up to the size limit: a
/// price list is small, and the whole file is needed to judge its kind and read it. 415 for a body that is not
/// multipart, 413 past the limit, 400 for no file or more than one.
/// </summary>
public static class PriceListUpload
{
    public static async Task<byte[]> ReadAsync(HttpContext http, PriceListImportOptions limits, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxFileBytes + 64 * 1024;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the price list as multipart/form-data with the file in a part named file.");

        var reader = new MultipartReader(boundary, http.Request.Body);
        byte[]? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                    continue; // plain form fields carry nothing we use
                if (file is not null)
                    throw ApiProblem.InvalidInput("file", "Send one price list file per import.");
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, ct)) > 0)
                {
                    if (buffer.Length + read > limits.MaxFileBytes)
                        throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Content too large",
                            $"A price list file may be at most {limits.MaxFileBytes / 1024} KB.");
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
        return file ?? throw ApiProblem.InvalidInput("file", "The upload holds no file: send the price list as a multipart part named file, with a file name.");
    }
}
