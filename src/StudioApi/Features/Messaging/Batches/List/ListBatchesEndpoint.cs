using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches.List;

public sealed class ListBatchesRequest : ListRequest
{
}

public sealed class ListBatchesValidator() : ListRequestValidator<ListBatchesRequest, CommunicationBatch>(ListBatchesEndpoint.SortKeys);

public sealed class ListBatchesEndpoint(StudioDbContext db) : Endpoint<ListBatchesRequest, Page<BatchResponse>>
{
    internal static readonly SortKeys<CommunicationBatch> SortKeys = new SortKeys<CommunicationBatch>("-createdAt").Add("createdAt", b => b.CreatedAt);

    public override void Configure()
    {
        Get("/communication-batches");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("CommunicationBatches", "List", "List wizard sends", "Newest first, with their progress counts made so far."));
    }

    public override async Task HandleAsync(ListBatchesRequest req, CancellationToken ct)
    {
        var page = await db.Set<CommunicationBatch>().AsNoTracking().ToPageAsync(req, SortKeys, b => b, ct);
        var ids = page.Items.Select(b => b.Id).ToList();
        // The ids as a list of values (an IN list SQLite walks in order), so the counts are grouped along the batch index.
        var counts = (await db.Communications.Where(c => c.BatchId != null && EF.MultipleParameters(ids).Contains(c.BatchId.Value) && c.State != null)
                .GroupBy(c => new { Batch = c.BatchId!.Value, State = c.State!.Value }).Select(g => new { g.Key.Batch, g.Key.State, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(c => c.Batch).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DeliveryState, int>)g.ToDictionary(c => c.State, c => c.Count));
        await Send.OkAsync(new Page<BatchResponse>
        {
            Items = page.Items.Select(b => BatchResponse.From(b, counts.GetValueOrDefault(b.Id) ?? new Dictionary<DeliveryState, int>())).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }
}
