using System.Linq.Expressions;
using System.Security.Claims;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

public static class WorkflowRegistration
{
    /// <summary>The workflow engine: transitions, and the registry of the record kinds each area plugs in.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var records = new WorkflowRecords();
            foreach (var kind in provider.GetServices<WorkflowKindRegistration>())
                kind.AddTo(records);
            return records;
        });
        services.AddScoped<StatusTransitions>();
        return services;
    }

    /// <summary>
    /// Gives a record kind statuses (called from its area's <c>Add&lt;Area&gt;()</c>): its entity implements
    /// <see cref="IHasWorkflowStatus"/> and three small classes specialise the status-change endpoints for it
    /// (see Features/Clients/Clients/StatusChanges). Transitions, bulk changes, the status log, overdue lists and the
    /// hub then work for it through the registry.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="kind">The kind the records are.</param>
    /// <param name="route">The records' route segment under /api/v1 (clients, tasks…).</param>
    /// <param name="records">The live records (the recycle bin filtered out).</param>
    /// <param name="typeId">The mapped property behind <see cref="IHasWorkflowStatus.WorkflowTypeId"/>, for kinds with types.</param>
    /// <param name="visibleTo">The records a caller may see, for kinds some callers see only part of (invoices); all by default.</param>
    public static IServiceCollection AddWorkflowKind<T>(this IServiceCollection services, RecordKind kind, string route,
        Func<StudioDbContext, IQueryable<T>> records, Expression<Func<T, long?>>? typeId = null,
        Func<IQueryable<T>, StudioDbContext, ClaimsPrincipal, IQueryable<T>>? visibleTo = null)
        where T : AuditedRecord, IHasWorkflowStatus =>
        services.AddSingleton(new WorkflowKindRegistration(registry => registry.Add(kind, route, records, typeId, visibleTo)));

    sealed record WorkflowKindRegistration(Action<WorkflowRecords> AddTo);
}
