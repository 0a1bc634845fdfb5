using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders;

/// <summary>
/// Proofs made of a session's images (seed 004, the session's Production tab: "Proof Order - Create a proof order based
/// on this session"): the lab that makes them, where the order stands, how many proofs, where they are kept, the CD
/// the images were archived to, and its dates.
/// </summary>
public sealed class ProofOrder : AuditedRecord
{
    public long SessionId { get; set; }
    public long? VendorId { get; set; }
    public ProofOrderStatus Status { get; set; } = ProofOrderStatus.Open;
    public int NumberOfProofs { get; set; }
    /// <summary>Where the proofs are kept in the studio.</summary>
    public string? StorageLocation { get; set; }
    /// <summary>The CD (or disk) the session's images were archived to.</summary>
    public string? CdNumber { get; set; }
    /// <summary>When the proofs went to the lab.</summary>
    public DateOnly OrderDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? ReceivedDate { get; set; }
    public string? Notes { get; set; }
}

public enum ProofOrderStatus
{
    Open,
    Sent,
    Received,
    Delivered,
    Cancelled,
}

public static class ProofOrderLimits
{
    public const int StorageLocationLength = 100;
    public const int CdNumberLength = 40;
    public const int NotesLength = 4000;
    public const int MaxProofs = 100_000;
}

public sealed class ProofOrderConfiguration : IEntityTypeConfiguration<ProofOrder>
{
    public void Configure(EntityTypeBuilder<ProofOrder> builder)
    {
        builder.ToTable("ProofOrders");
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.StorageLocation).HasMaxLength(ProofOrderLimits.StorageLocationLength);
        builder.Property(o => o.CdNumber).HasMaxLength(ProofOrderLimits.CdNumberLength);
        builder.Property(o => o.Notes).HasMaxLength(ProofOrderLimits.NotesLength);
        // A purged session takes its proof orders with it.
        builder.HasOne<Session>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vendor>().WithMany().HasForeignKey(o => o.VendorId).OnDelete(DeleteBehavior.Restrict);
        // A session's Production tab, newest first.
        builder.HasIndex(o => new { o.SessionId, o.OrderDate, o.Id });
        builder.HasIndex(o => o.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
    }
}
