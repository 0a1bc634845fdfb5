using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Storage;

using StudioApi.Platform.Http;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>Opens a run's manifest or zip, or says why there is none (409).</summary>
public static class RenderRunFiles
{
    public static async Task<StoredFile> OpenAsync(IFileStore store, RenderRun run, string key, CancellationToken ct)
    {
        if (run.State == RenderRunState.Cancelled)
            throw ApiProblem.Conflict("The render run was cancelled; it has no output.");
        if (run.ZipSha256 is null)
            throw ApiProblem.Conflict($"The render run has not finished yet; its state is {run.State.WireName()}.");
        return await store.OpenReadAsync(key, ct) ?? throw ApiProblem.NotFound("output of render run", run.Id);
    }

    /// <summary>The run's zip as a download (ETag, Range, 304), whoever may fetch it: staff, or a partner its school's package.</summary>
    public static async Task<IResult> ZipAsync(HttpContext http, IFileStore store, RenderRun run, string fileName, CancellationToken ct) =>
        StoredFileResult.For(http, await OpenAsync(store, run, RenderRun.ZipKeyOf(run.Id), ct), "application/zip", run.ZipSha256!, TimeSpan.FromHours(1), fileName);
}
