namespace StudioApi.Features.Imaging.Images;

/// <summary>The <c>Images</c> configuration section.</summary>
public sealed class ImageOptions
{
    /// <summary>Largest original accepted, per file (413 above it).</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
    /// <summary>Largest decoded size accepted, width × height (422 above it): a small file can decode to gigabytes.</summary>
    public long MaxPixels { get; set; } = 100_000_000;
    /// <summary>Largest upload request; the server-wide body limit is raised to this for the import endpoint only.</summary>
    public long MaxRequestBytes { get; set; } = 4L * 1024 * 1024 * 1024;
    public const int DefaultMaxFilesPerRequest = 1000;
    public int MaxFilesPerRequest { get; set; } = DefaultMaxFilesPerRequest;
    /// <summary>
    /// Threads libvips may use for one image (renditions, renders, contact sheets). One by default: each worker then
    /// takes at most one core, so the number of workers (Background:Renditions:Workers, Background:RenderRuns:Workers) bounds what images take from the API. Scale with workers.
    /// </summary>
    public int ThreadsPerWorker { get; set; } = 1;
    /// <summary>How long a signed image URL works.</summary>
    public double LinkLifetimeSeconds { get; set; } = 15 * 60;
    /// <summary>Cache-Control max-age for image files; they never change under the same ETag.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 3600;
}
