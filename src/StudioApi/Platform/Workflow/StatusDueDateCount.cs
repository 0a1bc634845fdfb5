using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// How many live records of a staged kind (<see cref="IHasWorkflowStage"/>) are at one status with one due date: the
/// overdue counts (<c>GET /workflow/overdue/counts</c>) add up a status's rows due before today, some hundreds of due
/// dates, instead of counting tens of thousands of index entries. Kept by database triggers on the staged tables as
/// <see cref="StatusRecordCount"/> is (the migration <c>WorkflowStatusDueCounts</c>); the application never writes it.
/// </summary>
public sealed class StatusDueDateCount
{
    public long StatusId { get; set; }
    public DateOnly DueDate { get; set; }
    public long Count { get; set; }
}

public sealed class StatusDueDateCountConfiguration : IEntityTypeConfiguration<StatusDueDateCount>
{
    public void Configure(EntityTypeBuilder<StatusDueDateCount> builder)
    {
        builder.ToTable("WorkflowStatusDueCounts");
        builder.HasKey(c => new { c.StatusId, c.DueDate });
    }

    /// <summary>The name of the trigger (SQL Server: the one trigger; SQLite: the prefix of its three) on a staged table.</summary>
    public static string TriggerName(string table) => $"TR_{table}_WorkflowStatusDueCounts";
}
