using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>
/// A production order on its way to a lab through the lab's API, and what the lab said: one per order, queued by
/// POST /production-orders/{id}/lab-submissions and sent by <see cref="LabSubmissionQueue"/> on the background engine
/// (retried with backoff, every attempt logged in <see cref="LabSubmissionAttempt"/>), then moved by the lab's signed
/// callbacks (accepted, rejected with the per-image errors, shipped). Never sent twice: the lab knows the order by
/// <see cref="LabKey"/> (WHCC's EntryId, Bay Photo's integrator_identifier), and the lab's own id for it
/// (<see cref="LabConfirmationId"/>) is recorded before the step that makes the lab produce it. A rejected or failed
/// order can be sent again, as a new <see cref="Round"/> under a new key.
/// </summary>
public sealed class LabSubmission : IHasId
{
    public long Id { get; set; }
    public long ProductionOrderId { get; set; }
    public long VendorId { get; set; }
    public LabProtocol Protocol { get; set; }
    public LabSubmissionState State { get; set; } = LabSubmissionState.Queued;
    /// <summary>1 for the first sending; each sending again after a rejection or failure is the next.</summary>
    public int Round { get; set; } = 1;
    /// <summary>What the lab knows this sending by, and refuses a second order under: PO-{number}-{round}.</summary>
    public string LabKey { get; set; } = "";
    /// <summary>The API's address as the lab reaches it, for the asset URLs (taken when queued).</summary>
    public string AssetBaseUrl { get; set; } = "";
    /// <summary>The lab's id for the order before it is produced (WHCC's ConfirmationID of the import); recorded before submitting it.</summary>
    public string? LabConfirmationId { get; set; }
    /// <summary>The lab's order number (also the production order's lab reference).</summary>
    public string? LabOrderNumber { get; set; }
    /// <summary>The lab's last answer, as it said it (or our error).</summary>
    public string? LabAnswer { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    /// <summary>Why the lab rejected the order, image by image.</summary>
    public List<LabSubmissionError> Errors { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RejectedAt { get; set; }
    public DateTime? ShippedAt { get; set; }
    /// <summary>The engine's lease, attempts, next attempt and last error (columns LeaseOwner, Attempts…).</summary>
    public WorkLease Work { get; set; } = new();

    public static string KeyOf(int orderNumber, int round) => $"{LabOrderDocuments.ReferencePrefix}{orderNumber}-{round}";
}

public enum LabSubmissionState
{
    /// <summary>Waiting for the background worker.</summary>
    Queued,
    /// <summary>The lab has the order (imported) but not yet the word to produce it.</summary>
    Submitting,
    /// <summary>The lab took the order for production; its callbacks say what comes of it.</summary>
    Submitted,
    Accepted,
    /// <summary>The lab refused it (see the errors); it can be sent again once fixed.</summary>
    Rejected,
    Shipped,
    /// <summary>We gave up sending it (the last attempt failed, or the lab refused the request itself); it can be sent again.</summary>
    Failed,
}

/// <summary>One image (or the whole order) the lab refused, and why.</summary>
public sealed class LabSubmissionError
{
    /// <summary>The lab's error code (WHCC 400.03…).</summary>
    public string? Code { get; set; }
    public string Message { get; set; } = "";
    /// <summary>The asset URL the lab quoted.</summary>
    public string? AssetUrl { get; set; }
    /// <summary>The production order's line whose file it is, when the lab named one of ours.</summary>
    public long? LineId { get; set; }
}

public enum LabAttemptOutcome
{
    Submitted,
    /// <summary>Failed; tried again after a backoff.</summary>
    Retrying,
    /// <summary>Failed for good.</summary>
    Failed,
    /// <summary>The lab had the order already (an attempt before was cut off after sending it): recorded, not sent again.</summary>
    FoundSubmitted,
}

/// <summary>One attempt of the worker at sending one order: when, by which server, and the lab's answer. Append-only.</summary>
public sealed class LabSubmissionAttempt : IHasId
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    public int Round { get; set; }
    public int Attempt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public string Server { get; set; } = "";
    public LabAttemptOutcome Outcome { get; set; }
    public string? Detail { get; set; }
}

public static class LabSubmissionLimits
{
    public const int KeyLength = 40;
    public const int UrlLength = 300;
    public const int LabIdLength = 100;
    public const int AnswerLength = 1000;
    public const int MaxErrors = 500;
    public const int MaxAttemptsListed = 100;
}

public sealed class LabSubmissionConfiguration : IEntityTypeConfiguration<LabSubmission>
{
    public void Configure(EntityTypeBuilder<LabSubmission> builder)
    {
        builder.ToTable("LabSubmissions");
        builder.Property(s => s.Protocol).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LabKey).HasMaxLength(LabSubmissionLimits.KeyLength);
        builder.Property(s => s.AssetBaseUrl).HasMaxLength(LabSubmissionLimits.UrlLength);
        builder.Property(s => s.LabConfirmationId).HasMaxLength(LabSubmissionLimits.LabIdLength);
        builder.Property(s => s.LabOrderNumber).HasMaxLength(LabSubmissionLimits.LabIdLength);
        builder.Property(s => s.LabAnswer).HasMaxLength(LabSubmissionLimits.AnswerLength);
        builder.Property(s => s.Carrier).HasMaxLength(ProductionOrderLimits.CarrierLength);
        builder.Property(s => s.TrackingNumber).HasMaxLength(ProductionOrderLimits.TrackingNumberLength);
        builder.Property(s => s.TrackingUrl).HasMaxLength(LabSubmissionLimits.UrlLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(100);
        builder.OwnsMany(s => s.Errors, error =>
        {
            error.ToTable("LabSubmissionErrors");
            error.Property<long>("Id");
            error.HasKey("Id");
            error.Property(e => e.Code).HasMaxLength(20);
            error.Property(e => e.Message).HasMaxLength(LabSubmissionLimits.AnswerLength);
            error.Property(e => e.AssetUrl).HasMaxLength(2000);
        });
        builder.HasWorkLease(s => s.Work);
        builder.HasOne<ProductionOrder>().WithMany().HasForeignKey(s => s.ProductionOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vendor>().WithMany().HasForeignKey(s => s.VendorId).OnDelete(DeleteBehavior.Restrict);
        // One per order: two sends at once settle on this index, not on a check.
        builder.HasIndex(s => s.ProductionOrderId).IsUnique();
        // The worker's queue (the few queued or submitting among all), and a callback finding its order by the lab's ids.
        builder.HasIndex(s => new { s.State, s.CreatedAt });
        builder.HasIndex(s => new { s.VendorId, s.LabConfirmationId });
        builder.HasIndex(s => new { s.VendorId, s.LabKey });
    }
}

public sealed class LabSubmissionAttemptConfiguration : IEntityTypeConfiguration<LabSubmissionAttempt>
{
    public void Configure(EntityTypeBuilder<LabSubmissionAttempt> builder)
    {
        builder.ToTable("LabSubmissionAttempts");
        builder.Property(a => a.Server).HasMaxLength(WorkLease.OwnerMaxLength);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Detail).HasMaxLength(LabSubmissionLimits.AnswerLength);
        builder.HasOne<LabSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SubmissionId, a.Id });
    }
}
