using FastEndpoints;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation.Request;

/// <summary>
/// Asks for a reconciliation now. Asynchronous (202 and a resource to poll) rather than answered in the request: it
/// walks the whole store and reads every record that points at a file, which on a studio's years of images takes
/// longer than a request should, and it must run on one server at a time and survive a restart, as background work does.
/// </summary>
public sealed class RequestStorageReconciliationEndpoint(StudioDbContext db, RecordAuthor author, StorageReconciliationSignal signal,
    IOptions<StorageReconciliationSettings> settings) : EndpointWithoutRequest<StorageReconciliationResponse>
{
    public override void Configure()
    {
        Post("/storage/reconciliations");
        Roles(Auth.Roles.AdminOnly);
        Description(d => d
            .Produces<StorageReconciliationResponse>(StatusCodes.Status202Accepted, "application/json")
            .Operation("Storage", "Reconcile",
                "Reconcile the file store with the database",
                "Answers 202 with the reconciliation to poll (Location) while it runs in the background: files no record "
                + "accounts for (and older than the grace period) are moved to a quarantine folder, never deleted; records "
                + "whose file is missing are reported, nothing is deleted. While one is still queued, asking again answers that one."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (reconciliation, _) = await StorageReconciliationQueue.QueueAsync(db, signal, author.Name, ct);
        HttpContext.Response.Headers.Location = $"/api/v1/storage/reconciliations/{reconciliation.Id}";
        await Send.ResponseAsync(await StorageReconciliationResponse.LoadAsync(db, reconciliation, (long)settings.Value.Grace.TotalSeconds, ct),
            StatusCodes.Status202Accepted, ct);
    }
}
