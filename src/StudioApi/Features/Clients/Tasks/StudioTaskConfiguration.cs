using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Platform.Auth;

namespace StudioApi.Features.Clients.Tasks;

public sealed class StudioTaskConfiguration : IEntityTypeConfiguration<StudioTask>
{
    public void Configure(EntityTypeBuilder<StudioTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(4000);

        // Types, clients and users are only ever soft-deleted; the keys keep the database honest too.
        builder.HasOne<TaskType>().WithMany().HasForeignKey(t => t.TaskTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.AssignedUserId).OnDelete(DeleteBehavior.Restrict);

        // Every sort the list offers over live tasks, and its filters in the default order (the due date), so a page
        // is the first rows of an index range (see ListTasksEndpoint).
        builder.HasIndex(t => new { t.DueSortKey, t.Id }).HasFilter("DeletedAt IS NULL");
        // The recycle bin in the default order.
        builder.HasIndex(t => new { t.DueSortKey, t.Id }, "IX_Tasks_DueSortKey_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(t => new { t.Priority, t.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.CreatedAt, t.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.UpdatedAt, t.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.TaskTypeId, t.DueSortKey });
        builder.HasIndex(t => new { t.ClientId, t.DueSortKey });
        builder.HasIndex(t => new { t.AssignedUserId, t.DueSortKey });
        builder.HasIndex(t => new { t.SessionId, t.DueSortKey });
        builder.HasIndex(t => t.InvoiceId);
        builder.Ignore(t => t.WorkflowTypeId);
        builder.HasOne(t => t.Status).WithMany().HasForeignKey(t => t.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.StatusId, t.DueSortKey }).HasFilter("DeletedAt IS NULL");
        // The workflow lists (overdue) read each status's tasks by due date, status date or id (with the due date
        // along, checked from the index).
        builder.HasIndex(t => new { t.StatusId, t.StatusDueDate, t.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.StatusId, t.StatusDate, t.Id, t.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.StatusId, t.Id, t.StatusDueDate }).HasFilter("DeletedAt IS NULL");
    }
}
