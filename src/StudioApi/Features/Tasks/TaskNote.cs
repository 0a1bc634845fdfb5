using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Persistence;

namespace StudioApi.Features.Tasks;

/// <summary>
/// One entry of a task's notes log: what was said and done while working the ticket. Append-only, so it carries
/// its author and time instead of a version and an audit trail.
/// </summary>
public sealed class TaskNote : IHasId
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class TaskNoteConfiguration : IEntityTypeConfiguration<TaskNote>
{
    public void Configure(EntityTypeBuilder<TaskNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Author).HasMaxLength(100);
        builder.HasOne<StudioTask>().WithMany().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
        // The log is read newest first, per task.
        builder.HasIndex(n => new { n.TaskId, n.Id });
    }
}
