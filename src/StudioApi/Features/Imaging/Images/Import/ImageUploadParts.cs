using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Imaging.Images.Import;

/// <summary>One file of a multipart upload: its place in the upload, its (sanitized) name, and its content as it streams in.</summary>
public sealed record UploadedFilePart(int Index, string FileName, Stream Content);

/// <summary>
/// The files of a multipart image upload (session import, group capture), read part by part as they arrive, so no
/// file is ever held in memory whole. Raises the request's body limit to Images:MaxRequestBytes for this request only,
/// answers 415 for a body that is not multipart/form-data, 413 past Images:MaxFilesPerRequest files and 400 for an
/// upload without files. Each part must be consumed before the next is read.
/// </summary>
public static class ImageUploadParts
{
    public static async IAsyncEnumerable<UploadedFilePart> ReadAsync(HttpContext http, ImageOptions limits, [EnumeratorCancellation] CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxRequestBytes;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the images as multipart/form-data, one part per file.");

        var reader = new MultipartReader(boundary, http.Request.Body);
        var count = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                continue; // plain form fields carry nothing we use
            if (count == limits.MaxFilesPerRequest)
                throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Content too large",
                    $"At most {limits.MaxFilesPerRequest} files per upload; send the rest in another request.");
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            yield return new UploadedFilePart(count++, ImageInspection.SanitizeFileName(name), section.Body);
        }
        if (count == 0)
            throw ApiProblem.InvalidInput("files", "The upload holds no files: send each image as a multipart part with a file name.");
    }
}
