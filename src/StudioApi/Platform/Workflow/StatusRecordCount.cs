using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// How many live records of a staged kind (<see cref="IHasWorkflowStage"/>) are at one status: the workflow hub's
/// counts, read from a row per status instead of counting hundreds of thousands of index entries on each call.
/// Database triggers on the staged tables keep it (the migration <c>WorkflowStatusCounts</c>), so every way a record
/// is written (a save, a bulk status move, a bulk insert, a restore, a purge) moves the count in the same transaction.
/// The application never writes it. A later SQLite migration that rebuilds one of these tables drops its triggers and
/// must create them again (WorkflowStageCountTests compares the counts with the records).
/// </summary>
public sealed class StatusRecordCount
{
    /// <summary>The status (no foreign key: a status is only ever soft-deleted, and the count is the triggers' alone).</summary>
    public long StatusId { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// A record that shows on the workflow hub's stages (sessions, invoices, production orders). Its table carries the
/// triggers that keep <see cref="StatusRecordCount"/>, so EF is told about them: SQL Server's OUTPUT clause and SQLite's
/// RETURNING clause cannot be used on a table with triggers.
/// </summary>
public interface IHasWorkflowStage : IHasWorkflowStatus;

public sealed class StatusRecordCountConfiguration : IEntityTypeConfiguration<StatusRecordCount>
{
    public void Configure(EntityTypeBuilder<StatusRecordCount> builder)
    {
        builder.ToTable("WorkflowStatusCounts");
        builder.HasKey(c => c.StatusId);
        builder.Property(c => c.StatusId).ValueGeneratedNever();
    }

    /// <summary>The name of the trigger (SQL Server: the one trigger; SQLite: the prefix of its three) on a staged table.</summary>
    public static string TriggerName(string table) => $"TR_{table}_WorkflowStatusCounts";
}
