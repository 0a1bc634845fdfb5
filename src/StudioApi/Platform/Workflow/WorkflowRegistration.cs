using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Studio;


namespace StudioApi.Platform.Workflow;

public static class WorkflowRegistration
{
    /// <summary>
    /// The workflow services, and the record kinds that have statuses. A new kind is one more <c>Add</c> here, e.g.
    /// <c>.Add&lt;ServiceTask&gt;(RecordKind.Task, "tasks", db =&gt; db.Tasks, typeId: t =&gt; t.TaskTypeId)</c>,
    /// plus its entity implementing <see cref="IHasWorkflowStatus"/> and its status-change endpoints (see Features/Clients/StatusChanges).
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton(new WorkflowRecords()
            .Add<Client>(RecordKind.Client, "clients", db => db.Clients)
            .Add<Session>(RecordKind.Session, "sessions", db => db.Sessions, typeId: s => s.SessionTypeId)
            .Add<StudioTask>(RecordKind.Task, "tasks", db => db.Tasks, typeId: t => t.TaskTypeId));
        services.AddScoped<StudioCalendar>();
        services.AddScoped<StatusTransitions>();
        return services;
    }
}
