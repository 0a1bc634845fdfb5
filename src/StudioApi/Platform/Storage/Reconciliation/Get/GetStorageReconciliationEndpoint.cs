using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation.Get;

public sealed class GetStorageReconciliationRequest
{
    public long Id { get; set; }
}

public sealed class GetStorageReconciliationEndpoint(StudioDbContext db, IOptions<StorageReconciliationSettings> settings)
    : Endpoint<GetStorageReconciliationRequest, StorageReconciliationResponse>
{
    public override void Configure()
    {
        Get("/storage/reconciliations/{id}");
        Roles(Auth.Roles.AdminOnly);
        Description(d => d.Operation("Storage", "GetReconciliation", "Get a reconciliation and its report",
            "Its state and, once completed, what it found: orphan files moved to quarantine (where to), records without their file."));
    }

    public override async Task HandleAsync(GetStorageReconciliationRequest req, CancellationToken ct)
    {
        var reconciliation = await db.StorageReconciliations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                             ?? throw ApiProblem.NotFound("storage reconciliation", req.Id);
        await Send.OkAsync(await StorageReconciliationResponse.LoadAsync(db, reconciliation, (long)settings.Value.Grace.TotalSeconds, ct), ct);
    }
}
