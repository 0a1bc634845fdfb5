using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// The one place a record's status changes: single changes, bulk changes and the moves that deleting a status or
/// switching "statuses by type" cause. Each call is one transaction that reads the records' status fields in a few
/// queries, decides every record in memory, writes one guarded UPDATE per (from, to) group, appends the status-log
/// entries and, once committed, tells every <see cref="IStatusChangeHandler"/>.
/// </summary>
public sealed class StatusTransitions(
    StudioDbContext db,
    WorkflowRecords records,
    StudioCalendar calendar,
    RecordAuthor author,
    IEnumerable<IStatusChangeHandler> handlers,
    ILogger<StatusTransitions> logger)
{
    /// <summary>Ids per query: well under SQL Server's 2,100 parameters, and SQLite's 32,766.</summary>
    public const int IdsPerQuery = 1000;

    /// <summary>What to do with one record: leave it (with a reason) or move it to a status.</summary>
    internal readonly record struct Decision(StatusDefinition? To, StatusChangeSkipReason? Skip, bool KeepDates = false)
    {
        public static Decision Move(StatusDefinition to, bool keepDates = false) => new(to, null, keepDates);
        public static Decision Leave(StatusChangeSkipReason reason) => new(null, reason);
    }

    /// <summary>
    /// Moves each record to <paramref name="target"/>, or advances it. A target status that is not a live status of
    /// this kind refuses the whole call (422); everything else is decided record by record.
    /// </summary>
    public Task<StatusChangeBatch> ChangeAsync(RecordKind kind, IReadOnlyCollection<long> ids, StatusTarget target, string? note, CancellationToken ct) =>
        ApplyAsync(kind, ids, workflows =>
        {
            if (target.StatusId is { } statusId && workflows.Find(statusId) is null)
                throw ApiProblem.RuleBroken($"There is no {kind.WireName()} status {statusId}.",
                    new Dictionary<string, object?> { ["statusId"] = statusId });
            return row => Decide(row, workflows, target);
        }, note, ct);

    internal static Decision Decide(WorkflowRecordRow row, KindWorkflows workflows, StatusTarget target)
    {
        var list = workflows.For(row.TypeId);
        if (list.Count == 0)
            return Decision.Leave(StatusChangeSkipReason.NoStatuses);

        if (target.StatusId is { } statusId)
        {
            var status = workflows.Find(statusId)!;
            if (!list.Contains(status))
                return Decision.Leave(StatusChangeSkipReason.StatusNotInWorkflow);
            if (row.StatusId == statusId)
                return Decision.Leave(StatusChangeSkipReason.AlreadyAtStatus);
            if (status.IsInactive)
                return Decision.Leave(StatusChangeSkipReason.StatusInactive);
            return Decision.Move(status);
        }

        // Advance: a record without a status enters its workflow at the initial status.
        if (row.StatusId is not { } currentId)
            return KindWorkflows.Initial(list) is { } initial ? Decision.Move(initial) : Decision.Leave(StatusChangeSkipReason.NoStatuses);
        var current = workflows.Find(currentId);
        if (current is null || !list.Contains(current))
            return Decision.Leave(StatusChangeSkipReason.StatusNotInWorkflow);
        if (current.IsFinal)
            return Decision.Leave(StatusChangeSkipReason.AtFinalStatus);
        return workflows.Next(current) is { } next ? Decision.Move(next) : Decision.Leave(StatusChangeSkipReason.NoNextStatus);
    }

    /// <summary>
    /// Starts a new record at its workflow's initial status: sets its status fields before <paramref name="save"/>
    /// inserts it, then logs the entry (from no status) in the same transaction. A kind without statuses yet leaves
    /// the record without one.
    /// </summary>
    public Task StartAsync<T>(RecordKind kind, T record, Func<Task> save, CancellationToken ct) where T : AuditedRecord, IHasWorkflowStatus =>
        StartManyAsync(kind, [record], save, ct);

    /// <summary>
    /// <see cref="StartAsync{T}"/> for many new records in one go (a picture day's sessions): each enters the initial
    /// status of its own type's workflow; the log entries are appended in bulk.
    /// </summary>
    public Task StartManyAsync<T>(RecordKind kind, IReadOnlyList<T> records, Func<Task> save, CancellationToken ct) where T : AuditedRecord, IHasWorkflowStatus =>
        db.InTransactionAsync(async () =>
        {
            var workflows = await KindWorkflows.LoadAsync(db, kind, ct);
            BusinessCalendar? cal = null;
            var now = db.UtcNow;
            var started = new List<(T Record, StatusLogEntry Entry)>(records.Count);
            foreach (var record in records)
            {
                if (KindWorkflows.Initial(workflows.For(record.WorkflowTypeId)) is not { } initial)
                    continue;
                cal ??= await calendar.GetAsync(ct);
                var statusDate = cal.LocalDate(now);
                record.StatusId = initial.Id;
                record.StatusChangedAt = now;
                record.StatusDate = statusDate;
                record.StatusDueDate = cal.DueDate(statusDate, initial.DurationBusinessDays);
                started.Add((record, new StatusLogEntry
                {
                    Kind = kind,
                    TypeId = record.WorkflowTypeId,
                    ToStatusId = initial.Id,
                    ToDescription = initial.Description,
                    ChangedBy = author.Name,
                    ChangedAt = now,
                    StatusDate = statusDate,
                    DueDate = record.StatusDueDate.Value,
                }));
            }
            await save();
            if (started.Count > 0)
            {
                foreach (var (record, entry) in started)
                    entry.RecordId = record.Id;
                var entries = started.Select(s => s.Entry).ToList();
                await StatusLogWriter.AppendAsync(db, entries, ct);
                Publish(entries);
            }
            return true;
        }, ct);

    /// <summary>The engine: <paramref name="decide"/> is built once the kind's workflows are loaded, then asked per record.</summary>
    internal Task<StatusChangeBatch> ApplyAsync(
        RecordKind kind, IReadOnlyCollection<long> ids, Func<KindWorkflows, Func<WorkflowRecordRow, Decision>> decide, string? note, CancellationToken ct) =>
        ApplyAsync(kind, ids, decide, note, author.Name, ct);

    /// <summary>
    /// The engine, for a change made on someone else's behalf: <paramref name="changedBy"/> is who the log and the
    /// records name (a lab's callback names the lab, not the anonymous caller).
    /// </summary>
    internal Task<StatusChangeBatch> ApplyAsync(RecordKind kind, IReadOnlyCollection<long> ids, Func<KindWorkflows, Func<WorkflowRecordRow, Decision>> decide,
        string? note, string changedBy, CancellationToken ct)
    {
        var source = records.Get(kind);
        return db.InTransactionAsync(async () =>
        {
            var workflows = await KindWorkflows.LoadAsync(db, kind, ct);
            var decideRow = decide(workflows);
            var wanted = ids.Distinct().ToList();
            var rows = new Dictionary<long, WorkflowRecordRow>(wanted.Count);
            foreach (var chunk in wanted.Chunk(IdsPerQuery))
                foreach (var row in await source.Rows(db).Where(r => EF.Parameter(chunk).Contains(r.Id)).ToListAsync(ct))
                    rows[row.Id] = row;

            BusinessCalendar? cal = null;
            var now = db.UtcNow;
            var by = changedBy;
            DateOnly? today = null;
            var dueDates = new Dictionary<long, DateOnly>();
            var results = new List<StatusChangeResult>(wanted.Count);
            var entries = new List<StatusLogEntry>();
            var groups = new Dictionary<(long? From, long To, bool KeepDates), List<long>>();

            foreach (var id in wanted)
            {
                if (!rows.TryGetValue(id, out var row))
                {
                    results.Add(new StatusChangeResult(id, StatusChangeOutcome.Skipped, StatusChangeSkipReason.NotFound, null, null, null));
                    continue;
                }
                var decision = decideRow(row);
                if (decision.To is not { } to)
                {
                    results.Add(new StatusChangeResult(id, StatusChangeOutcome.Skipped, decision.Skip, row.StatusId, null, null));
                    continue;
                }

                DateOnly statusDate, due;
                if (decision.KeepDates && row.StatusDate is { } keptDate && row.DueDate is { } keptDue)
                {
                    (statusDate, due) = (keptDate, keptDue);
                }
                else
                {
                    cal ??= await calendar.GetAsync(ct);
                    today ??= cal.LocalDate(now);
                    statusDate = today.Value;
                    if (!dueDates.TryGetValue(to.Id, out due))
                        dueDates[to.Id] = due = cal.DueDate(statusDate, to.DurationBusinessDays);
                    decision = decision with { KeepDates = false };
                }

                var key = (row.StatusId, to.Id, decision.KeepDates);
                if (!groups.TryGetValue(key, out var group))
                    groups[key] = group = [];
                group.Add(id);
                results.Add(new StatusChangeResult(id, StatusChangeOutcome.Changed, null, row.StatusId, to.Id, due));
                entries.Add(new StatusLogEntry
                {
                    Kind = kind,
                    RecordId = id,
                    TypeId = row.TypeId,
                    FromStatusId = row.StatusId,
                    ToStatusId = to.Id,
                    FromDescription = row.StatusId is { } from ? workflows.Find(from)?.Description : null,
                    ToDescription = to.Description,
                    Note = note,
                    ChangedBy = by,
                    ChangedAt = now,
                    StatusDate = statusDate,
                    DueDate = due,
                });
            }

            if (entries.Count == 0)
                return new StatusChangeBatch(results, entries);

            foreach (var ((from, to, keepDates), group) in groups)
            {
                var write = new StatusWrite(to, keepDates, now, today ?? default, keepDates ? default : dueDates[to], by);
                foreach (var chunk in group.Chunk(IdsPerQuery))
                {
                    var moved = await source.MoveAsync(db, chunk, from, write, ct);
                    // Another writer changed some of these records' status since we read them: change none, let the caller retry.
                    if (moved != chunk.Length)
                        throw ApiProblem.Conflict("Some of these records changed status while this change ran; nothing was changed. Read them again and retry.");
                }
            }
            await StatusLogWriter.AppendAsync(db, entries, ct);
            Publish(entries);
            return new StatusChangeBatch(results, entries);
        }, ct);
    }

    /// <summary>Queues the events of these entries for the handlers, to run once the transaction commits.</summary>
    void Publish(IReadOnlyList<StatusLogEntry> entries)
    {
        if (!handlers.Any())
            return;
        var changes = entries.Select(e => new StatusChanged(e.Id, e.Kind, e.RecordId, e.TypeId, e.FromStatusId, e.ToStatusId, e.ToDescription,
            e.ChangedAt, e.StatusDate, e.DueDate, e.ChangedBy, e.Note)).ToList();
        db.AfterCommit(async ct =>
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.HandleAsync(changes, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The change is committed and logged; one failing subscriber must not fail the caller or the others.
                    logger.LogError(e, "Status-change handler {Handler} failed on {Count} change(s)", handler.GetType().Name, changes.Count);
                }
            }
        });
    }
}
