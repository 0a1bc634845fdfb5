using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// The record kinds that have statuses, and how to reach each one's records: the generic workflow code (transitions,
/// overdue lists, the hub, deleting a status in use) works through this registry, so a kind plugs in with one line in
/// its area (<see cref="WorkflowRegistration.AddWorkflowKind"/>) and its entity implementing <see cref="IHasWorkflowStatus"/>.
/// </summary>
public sealed class WorkflowRecords
{
    readonly Dictionary<RecordKind, WorkflowRecordSource> sources = [];

    /// <param name="kind">The kind the records are.</param>
    /// <param name="route">The records' route segment under /api/v1 (clients, tasks…).</param>
    /// <param name="records">The live records (the recycle bin filtered out).</param>
    /// <param name="typeId">The mapped property behind <see cref="IHasWorkflowStatus.WorkflowTypeId"/>, for kinds with types.</param>
    /// <param name="visibleTo">The records a caller may see, for kinds some callers see only part of (invoices); all by default.
    /// It returns the query it was given, unchanged, for a caller who sees every record (see <see cref="WorkflowRecordSource.SeesAll"/>).</param>
    public WorkflowRecords Add<T>(RecordKind kind, string route, Func<StudioDbContext, IQueryable<T>> records,
        Expression<Func<T, long?>>? typeId = null, Func<IQueryable<T>, StudioDbContext, ClaimsPrincipal, IQueryable<T>>? visibleTo = null)
        where T : AuditedRecord, IHasWorkflowStatus
    {
        sources.Add(kind, new WorkflowRecordSource<T>(kind, route, records, typeId, visibleTo));
        return this;
    }

    /// <summary>The kind's records, or null while the kind has none in this build (its feature has not arrived).</summary>
    public WorkflowRecordSource? Find(RecordKind kind) => sources.GetValueOrDefault(kind);

    public WorkflowRecordSource Get(RecordKind kind) =>
        Find(kind) ?? throw new InvalidOperationException($"Records of kind {kind} are not registered with the workflow.");

    public IEnumerable<WorkflowRecordSource> All => sources.Values;
}

/// <summary>The status fields of one record, as the generic workflow code reads them.</summary>
public sealed class WorkflowRecordRow : IHasId
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long? StatusId { get; set; }
    public long? TypeId { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public long? AssignedUserId { get; set; }
}

/// <summary>What a status change writes into the records of one group (same from and to status).</summary>
public sealed record StatusWrite(long ToStatusId, bool KeepDates, DateTime ChangedAt, DateOnly StatusDate, DateOnly DueDate, string ChangedBy);

public abstract class WorkflowRecordSource(RecordKind kind, string route, bool hasTypes, bool hasAssignedUser)
{
    public RecordKind Kind { get; } = kind;
    public string Route { get; } = route;
    public bool HasTypes { get; } = hasTypes;
    public bool HasAssignedUser { get; } = hasAssignedUser;

    /// <summary>The live records' status fields, to filter, count, page or load by id.</summary>
    public abstract IQueryable<WorkflowRecordRow> Rows(StudioDbContext db);

    /// <summary>The status fields of the live records <paramref name="user"/> may see: what lists and counts show a caller.</summary>
    public abstract IQueryable<WorkflowRecordRow> RowsVisibleTo(StudioDbContext db, ClaimsPrincipal user);

    /// <summary>Whether <paramref name="user"/> sees every live record of the kind, so counts kept over all of them apply.</summary>
    public abstract bool SeesAll(StudioDbContext db, ClaimsPrincipal user);

    /// <summary>404 unless there is a live record with this id (for the endpoints under /{records}/{id}/…).</summary>
    public async Task EnsureExistsAsync(StudioDbContext db, long id, CancellationToken ct)
    {
        if (!await Rows(db).AnyAsync(r => r.Id == id, ct))
            throw ApiProblem.NotFound(Kind.WireName(), id);
    }

    /// <summary>A record's current version (its ETag), or null if there is no live record with that id.</summary>
    public Task<int?> VersionAsync(StudioDbContext db, long id, CancellationToken ct) =>
        Rows(db).Where(r => r.Id == id).Select(r => (int?)r.Version).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Sets the status of the records among <paramref name="ids"/> that are still at <paramref name="fromStatusId"/>,
    /// in one UPDATE: the status fields, and the version and audit stamp (a status change is a change of the record,
    /// so its ETag changes). Returns how many it changed.
    /// </summary>
    public abstract Task<int> MoveAsync(StudioDbContext db, IReadOnlyCollection<long> ids, long? fromStatusId, StatusWrite write, CancellationToken ct);
}

sealed class WorkflowRecordSource<T> : WorkflowRecordSource where T : AuditedRecord, IHasWorkflowStatus
{
    readonly Func<StudioDbContext, IQueryable<T>> records;
    readonly Func<IQueryable<T>, StudioDbContext, ClaimsPrincipal, IQueryable<T>>? visibleTo;
    readonly Expression<Func<T, WorkflowRecordRow>> toRow;
    readonly Expression<Func<T, long?>> statusId;
    readonly Expression<Func<T, DateTime?>> changedAt;
    readonly Expression<Func<T, DateOnly?>> statusDate;
    readonly Expression<Func<T, DateOnly?>> dueDate;

    public WorkflowRecordSource(RecordKind kind, string route, Func<StudioDbContext, IQueryable<T>> records, Expression<Func<T, long?>>? typeId,
        Func<IQueryable<T>, StudioDbContext, ClaimsPrincipal, IQueryable<T>>? visibleTo)
        : base(kind, route, typeId is not null, typeof(IHasAssignedUser).IsAssignableFrom(typeof(T)))
    {
        this.records = records;
        this.visibleTo = visibleTo;
        // Built on T's own properties rather than through the interface, which EF cannot always translate.
        statusId = PropertyOf<long?>(nameof(IHasWorkflowStatus.StatusId));
        changedAt = PropertyOf<DateTime?>(nameof(IHasWorkflowStatus.StatusChangedAt));
        statusDate = PropertyOf<DateOnly?>(nameof(IHasWorkflowStatus.StatusDate));
        dueDate = PropertyOf<DateOnly?>(nameof(IHasWorkflowStatus.StatusDueDate));

        var record = Expression.Parameter(typeof(T), "record");
        Expression Member(string name) => Expression.Property(record, name);
        var typeValue = typeId is null
            ? (Expression)Expression.Constant(null, typeof(long?))
            : new ReplaceParameter(typeId.Parameters[0], record).Visit(typeId.Body);
        var assigned = HasAssignedUser
            ? Expression.Convert(Member(nameof(IHasAssignedUser.AssignedUserId)), typeof(long?))
            : (Expression)Expression.Constant(null, typeof(long?));
        toRow = Expression.Lambda<Func<T, WorkflowRecordRow>>(Expression.MemberInit(Expression.New(typeof(WorkflowRecordRow)),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.Id))!, Member(nameof(AuditedRecord.Id))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.Version))!, Member(nameof(AuditedRecord.Version))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.StatusId))!, Member(nameof(IHasWorkflowStatus.StatusId))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.TypeId))!, typeValue),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.StatusChangedAt))!, Member(nameof(IHasWorkflowStatus.StatusChangedAt))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.StatusDate))!, Member(nameof(IHasWorkflowStatus.StatusDate))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.DueDate))!, Member(nameof(IHasWorkflowStatus.StatusDueDate))),
            Expression.Bind(typeof(WorkflowRecordRow).GetProperty(nameof(WorkflowRecordRow.AssignedUserId))!, assigned)), record);
    }

    public override IQueryable<WorkflowRecordRow> Rows(StudioDbContext db) => records(db).AsNoTracking().Select(toRow);

    public override IQueryable<WorkflowRecordRow> RowsVisibleTo(StudioDbContext db, ClaimsPrincipal user) =>
        visibleTo is null ? Rows(db) : visibleTo(records(db).AsNoTracking(), db, user).Select(toRow);

    public override bool SeesAll(StudioDbContext db, ClaimsPrincipal user)
    {
        if (visibleTo is null)
            return true;
        var all = records(db);
        return ReferenceEquals(visibleTo(all, db, user), all);
    }

    public override Task<int> MoveAsync(StudioDbContext db, IReadOnlyCollection<long> ids, long? fromStatusId, StatusWrite write, CancellationToken ct)
    {
        var record = statusId.Parameters[0];
        var current = Expression.Lambda<Func<T, bool>>(
            Expression.Equal(statusId.Body, Expression.Constant(fromStatusId, typeof(long?))), record);
        var idList = ids.ToArray();
        var query = records(db).Where(r => EF.Parameter(idList).Contains(r.Id)).Where(current);
        return query.ExecuteUpdateAsync(set =>
        {
            set.SetProperty(statusId, write.ToStatusId);
            if (!write.KeepDates)
            {
                set.SetProperty(changedAt, write.ChangedAt);
                set.SetProperty(statusDate, write.StatusDate);
                set.SetProperty(dueDate, write.DueDate);
            }
            set.SetProperty(r => r.Version, r => r.Version + 1);
            set.SetProperty(r => r.UpdatedAt, write.ChangedAt);
            set.SetProperty(r => r.UpdatedBy, write.ChangedBy);
        }, ct);
    }

    static Expression<Func<T, TValue>> PropertyOf<TValue>(string name)
    {
        var record = Expression.Parameter(typeof(T), "record");
        return Expression.Lambda<Func<T, TValue>>(Expression.Property(record, name), record);
    }

    sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
