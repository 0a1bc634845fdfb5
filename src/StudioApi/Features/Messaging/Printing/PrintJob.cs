using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Printing;

public enum PrintJobKind
{
    /// <summary>A letter communication, on the studio's letterhead.</summary>
    Letter,
    /// <summary>The day's sessions (seed: the daily job sheet).</summary>
    JobSheet,
    /// <summary>Mailing or session labels on label stock.</summary>
    Labels,
}

/// <summary>
/// A PDF waiting to be printed (seed: letters "go to the print queue"): a letter, a job sheet or a sheet of labels.
/// The print queue is the print jobs not yet printed; each is downloaded and marked printed. The PDF is in the file
/// store under <see cref="StorageKey"/>, written before the row that points at it.
/// </summary>
public sealed class PrintJob : AuditedRecord
{
    public PrintJobKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The letter it prints (at most one print job per letter, so a retried delivery never prints it twice).</summary>
    public long? CommunicationId { get; set; }
    /// <summary>The studio-local day a job sheet lists.</summary>
    public DateOnly? Date { get; set; }
    public string StorageKey { get; set; } = "";
    public long Bytes { get; set; }
    public int Pages { get; set; }
    public DateTime? PrintedAt { get; set; }
    public string? PrintedBy { get; set; }

    public static string KeyFor(PrintJobKind kind) => $"print-jobs/{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}.pdf";
}

public sealed class PrintJobConfiguration : IEntityTypeConfiguration<PrintJob>
{
    public void Configure(EntityTypeBuilder<PrintJob> builder)
    {
        builder.ToTable("PrintJobs");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.StorageKey).HasMaxLength(200);
        builder.Property(p => p.PrintedBy).HasMaxLength(100);
        builder.HasOne<Communication>().WithMany().HasForeignKey(p => p.CommunicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CommunicationId).IsUnique().HasFilter("CommunicationId IS NOT NULL");
        // The list in its one order (oldest first), on live rows and in the recycle bin; the queue (printed=false),
        // what was printed, and each kind. See ListQueryPlanTests.
        builder.HasIndex(p => new { p.CreatedAt, p.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }, "IX_PrintJobs_CreatedAt_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }, "IX_PrintJobs_Queue").HasFilter("PrintedAt IS NULL AND DeletedAt IS NULL");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }, "IX_PrintJobs_Printed").HasFilter("PrintedAt IS NOT NULL AND DeletedAt IS NULL");
        builder.HasIndex(p => new { p.Kind, p.CreatedAt }).HasFilter("DeletedAt IS NULL");
    }
}
