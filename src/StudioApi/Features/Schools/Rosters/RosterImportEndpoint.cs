using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>
/// The roster uploads (OneRoster package, plain CSV) end alike once the file is read into the OneRoster shape: a big
/// file is queued for the background worker (202, its Location), any other imported now (201).
/// </summary>
public abstract class RosterImportEndpoint<TRequest>(OneRosterImporter importer, RosterImportQueue queue)
    : Endpoint<TRequest, RosterImportResponse> where TRequest : notnull
{
    protected async Task ImportOrQueueAsync(long organizationId, OneRosterPackage package, byte[] file, int students,
        CsvRosterMapping? mapping, bool dryRun, CancellationToken ct)
    {
        if (queue.IsBig(students, file.Length))
        {
            var queued = await queue.EnqueueAsync(organizationId, package, file, mapping, dryRun, ct);
            HttpContext.WriteETag(queued);
            HttpContext.Response.Headers.Location = $"/api/v1/roster-imports/{queued.Id}";
            await Send.ResponseAsync(RosterImportResponse.From(queued), StatusCodes.Status202Accepted, ct);
            return;
        }
        var import = await importer.ImportAsync(organizationId, package, dryRun, ct);
        HttpContext.WriteETag(import);
        await Send.CreatedAtAsync("Rosters_GetImport", new { id = import.Id }, RosterImportResponse.From(import), cancellation: ct);
    }
}
