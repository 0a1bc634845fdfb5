using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>How one record kind keeps its statuses. A kind without a row uses the defaults (one general list).</summary>
public sealed class WorkflowKindSetting : AuditedRecord
{
    public RecordKind Kind { get; set; }
    /// <summary>Each type has its own list (sessions, production orders and tasks only).</summary>
    public bool StatusesByType { get; set; }
}

public sealed class WorkflowKindSettingConfiguration : IEntityTypeConfiguration<WorkflowKindSetting>
{
    public void Configure(EntityTypeBuilder<WorkflowKindSetting> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(s => s.Kind).IsUnique();
    }
}
