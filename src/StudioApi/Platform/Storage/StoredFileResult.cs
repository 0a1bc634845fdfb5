using Microsoft.Net.Http.Headers;

namespace StudioApi.Platform.Storage;

/// <summary>
/// A stored file as an HTTP answer: private caching for <c>maxAge</c>, the content hash as ETag, Last-Modified, Range
/// (206) and If-None-Match/If-Modified-Since (304), all by Results.File. Images, held captures and render zips use it.
/// </summary>
public static class StoredFileResult
{
    public static IResult For(HttpContext http, StoredFile stored, string contentType, string etag, TimeSpan maxAge, string? downloadName = null)
    {
        http.Response.Headers.CacheControl = $"private, max-age={(int)Math.Max(0, maxAge.TotalSeconds)}";
        return Results.File(stored.Content, contentType, fileDownloadName: downloadName, lastModified: stored.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{etag}\""), enableRangeProcessing: true);
    }
}
