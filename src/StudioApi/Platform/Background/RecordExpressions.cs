using System.Linq.Expressions;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Background;

/// <summary>Queries by id over any record kind, built on the concrete type so EF maps the property directly.</summary>
static class RecordIds<TRecord> where TRecord : class, IHasId
{
    static readonly ParameterExpression Record = Expression.Parameter(typeof(TRecord), "record");

    public static readonly Expression<Func<TRecord, long>> Id =
        Expression.Lambda<Func<TRecord, long>>(Expression.Property(Record, nameof(IHasId.Id)), Record);

    public static Expression<Func<TRecord, bool>> Is(long id)
    {
        Expression<Func<long>> value = () => id; // a captured value stays a parameter, so EF reuses the plan
        return Expression.Lambda<Func<TRecord, bool>>(Expression.Equal(Id.Body, value.Body), Record);
    }

    public static Expression<Func<TRecord, bool>> After(long id)
    {
        Expression<Func<long>> value = () => id;
        return Expression.Lambda<Func<TRecord, bool>>(Expression.GreaterThan(Id.Body, value.Body), Record);
    }
}

/// <summary>
/// Queries over any queued record, written once against <see cref="WorkLease"/> and spliced onto a record's lease
/// (<c>l =&gt; l.Attempts</c> on <c>i =&gt; i.Rendition</c> becomes <c>i =&gt; i.Rendition.Attempts</c>).
/// </summary>
sealed class LeaseExpressions<TRecord>(Expression<Func<TRecord, WorkLease>> lease) where TRecord : class, IHasId
{
    readonly ParameterExpression record = lease.Parameters[0];

    public Func<TRecord, WorkLease> Read { get; } = lease.Compile();

    /// <summary>A lease column, or a condition or value over the lease, on the record.</summary>
    public Expression<Func<TRecord, T>> Of<T>(Expression<Func<WorkLease, T>> onLease) =>
        Expression.Lambda<Func<TRecord, T>>(new Splice(onLease.Parameters[0], lease.Body).Visit(onLease.Body), record);

    /// <summary>A record the engine gave up on, for the admin list.</summary>
    public Expression<Func<TRecord, BackgroundWorkFailure>> Failure { get; } = Expression.Lambda<Func<TRecord, BackgroundWorkFailure>>(
        Expression.New(typeof(BackgroundWorkFailure).GetConstructors().Single(),
            Expression.Property(lease.Parameters[0], nameof(IHasId.Id)),
            Expression.Property(lease.Body, nameof(WorkLease.Attempts)),
            Expression.Property(lease.Body, nameof(WorkLease.LastError)),
            Expression.Property(lease.Body, nameof(WorkLease.FailedAt))),
        lease.Parameters[0]);

    public static Expression<Func<TRecord, bool>> Not(Expression<Func<TRecord, bool>> condition) =>
        Expression.Lambda<Func<TRecord, bool>>(Expression.Not(condition.Body), condition.Parameters);

    sealed class Splice(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
