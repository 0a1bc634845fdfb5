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

        // The foreign keys above are indexed by convention; these are the other list filters and sorts.
        builder.HasIndex(t => t.SessionId);
        builder.HasIndex(t => t.InvoiceId);
        builder.HasIndex(t => t.DueDate);
        builder.Ignore(t => t.WorkflowTypeId);
        builder.HasOne(t => t.Status).WithMany().HasForeignKey(t => t.StatusId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.StatusDueDate);
        builder.HasIndex(t => t.Priority);
    }
}
