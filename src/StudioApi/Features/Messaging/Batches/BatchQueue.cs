using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Batches;

/// <summary>Wakes the batch workers when a batch is made.</summary>
public sealed class BatchSignal : WakeSignal;

/// <summary>
/// Runs wizard batches on the background-work engine (kind <see cref="Kind"/>, settings <c>Background:Batches:…</c>): the
/// filter's records in chunks, each chunk's messages made in one transaction with their communications' workflow start,
/// records that already have their message skipped, so a batch taken over after a crash goes on where it stopped.
/// </summary>
public sealed class BatchQueue(StudioDbContext db, BatchComposer composer, StatusTransitions transitions, OutboxSignal outbox) : WorkQueue<CommunicationBatch>
{
    public const string Kind = "batches";
    const int Chunk = 100;

    static readonly Expression<Func<CommunicationBatch, WorkLease>> LeaseColumns = b => b.Work;
    static readonly Expression<Func<CommunicationBatch, DateTime>> Created = b => b.CreatedAt;
    static readonly Expression<Func<CommunicationBatch, bool>> Unfinished = b => b.State == BatchState.Queued || b.State == BatchState.Running;

    public override Expression<Func<CommunicationBatch, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<CommunicationBatch, DateTime>> CreatedAt => Created;
    public override Expression<Func<CommunicationBatch, bool>> Waiting => Unfinished;

    public override void OnClaimed(UpdateSettersBuilder<CommunicationBatch> set, DateTime now) => set.SetProperty(b => b.State, BatchState.Running);

    public override void OnDone(UpdateSettersBuilder<CommunicationBatch> set, DateTime now) => set
        .SetProperty(b => b.State, BatchState.Done)
        .SetProperty(b => b.FinishedAt, now);

    public override void OnFailed(UpdateSettersBuilder<CommunicationBatch> set, string error, DateTime now) => set
        .SetProperty(b => b.State, BatchState.Failed)
        .SetProperty(b => b.Error, error)
        .SetProperty(b => b.FinishedAt, now);

    public override bool IsWorthRetrying(Exception failure) => failure is not ApiProblem;

    public override async Task ProcessAsync(CommunicationBatch batch, CancellationToken ct)
    {
        var template = await db.MessageTemplates.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == batch.TemplateId, ct);
        var records = BatchRecords.Query(db, batch.Filter, batch.CreatedAt);
        long after = 0;
        while (true)
        {
            var chunk = await records.Where(r => r.RecordId > after).Take(Chunk).ToListAsync(ct);
            if (chunk.Count == 0)
                return;
            after = chunk[^1].RecordId;
            var ids = chunk.Select(r => r.RecordId).ToList();
            var done = (await db.Communications.IgnoreQueryFilters().Where(c => c.BatchId == batch.Id && ids.Contains(c.BatchRecordId!.Value))
                .Select(c => c.BatchRecordId!.Value).ToListAsync(ct)).ToHashSet();
            var messages = new List<Communication>();
            foreach (var record in chunk.Where(r => !done.Contains(r.RecordId)))
                messages.Add(await composer.ComposeAsync(template, batch.Channel, record, batch.Id, ct));
            if (messages.Count == 0)
                continue;
            await db.InTransactionAsync(async () =>
            {
                db.Communications.AddRange(messages);
                await transitions.StartManyAsync(RecordKind.Communication, messages, () => db.SaveChangesAsync(ct), ct);
                var count = messages.Count;
                await db.Set<CommunicationBatch>().Where(b => b.Id == batch.Id).ExecuteUpdateAsync(set => set.SetProperty(b => b.Made, b => b.Made + count), ct);
                return true;
            }, ct);
            db.ChangeTracker.Clear();
            outbox.Wake();
        }
    }
}
