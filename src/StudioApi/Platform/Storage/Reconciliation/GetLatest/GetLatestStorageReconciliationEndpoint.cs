using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation.GetLatest;

public sealed class GetLatestStorageReconciliationEndpoint(StudioDbContext db, IOptions<StorageReconciliationSettings> settings)
    : EndpointWithoutRequest<StorageReconciliationResponse>
{
    public override void Configure()
    {
        Get("/storage/reconciliations/latest");
        Roles(Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status404NotFound, "No reconciliation has finished yet.")
            .Operation("Storage", "GetLatestReconciliation", "Get the last finished reconciliation",
                "The report of the most recent reconciliation that completed or failed, asked for or scheduled: what a monitor checks."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var reconciliation = await db.StorageReconciliations.AsNoTracking()
            .Where(r => r.State == StorageReconciliationState.Completed || r.State == StorageReconciliationState.Failed)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct)
            ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found", "No storage reconciliation has finished yet.");
        await Send.OkAsync(await StorageReconciliationResponse.LoadAsync(db, reconciliation, (long)settings.Value.Grace.TotalSeconds, ct), ct);
    }
}
