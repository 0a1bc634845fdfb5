using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Notes;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Clients;

/// <summary>
/// Clients: the people and businesses a studio works for, the organizations (schools) its students belong to, the
/// notes log every record kind keeps, and tasks (customer-service tickets). Uses Setup.
/// </summary>
public static class ClientsArea
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddWorkflowKind<Client>(RecordKind.Client, "clients", db => db.Clients);
        services.AddWorkflowKind<StudioTask>(RecordKind.Task, "tasks", db => db.Tasks, typeId: t => t.TaskTypeId);
        services.AddScoped<ISetupRecordUses<Relationship>, RelationshipUses>();
        services.AddScoped<ISetupRecordUses<TaskType>, TaskTypeUses>();
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<Organization> Organizations => db.Set<Organization>();
        public DbSet<Client> Clients => db.Set<Client>();
        public DbSet<RecordNote> RecordNotes => db.Set<RecordNote>();
        public DbSet<StudioTask> Tasks => db.Set<StudioTask>();
    }
}
