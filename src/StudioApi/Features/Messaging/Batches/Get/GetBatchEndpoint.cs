using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches.Get;

public sealed class GetBatchRequest
{
    public long Id { get; set; }
}

public sealed class GetBatchEndpoint(StudioDbContext db) : Endpoint<GetBatchRequest, BatchResponse>
{
    public override void Configure()
    {
        Get("/communication-batches/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("CommunicationBatches", "Get", "Get a wizard send and its progress",
            "Messages made of the total, and where they are: queued, sent, skipped, failed (GET /communications?batchId= lists them)."));
    }

    public override async Task HandleAsync(GetBatchRequest req, CancellationToken ct)
    {
        var batch = await db.Set<CommunicationBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("communication batch", req.Id);
        var byState = await db.Communications.Where(c => c.BatchId == batch.Id && c.State != null)
            .GroupBy(c => c.State!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        HttpContext.WriteETag(batch);
        await Send.OkAsync(BatchResponse.From(batch, byState), ct);
    }
}
