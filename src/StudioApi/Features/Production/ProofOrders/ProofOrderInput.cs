using FluentValidation;

namespace StudioApi.Features.Production.ProofOrders;

/// <summary>The fields of a proof order a caller sets, shared by create and update.</summary>
public abstract class ProofOrderInput
{
    /// <summary>A live vendor (the lab making the proofs); null for none.</summary>
    public long? VendorId { get; set; }
    /// <summary>open (default), sent, received, delivered or cancelled.</summary>
    public ProofOrderStatus Status { get; set; } = ProofOrderStatus.Open;
    /// <summary>0–100000.</summary>
    public int NumberOfProofs { get; set; }
    public string? StorageLocation { get; set; }
    public string? CdNumber { get; set; }
    /// <summary>Defaults to today (the studio's).</summary>
    public DateOnly? OrderDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? ReceivedDate { get; set; }
    public string? Notes { get; set; }

    public void ApplyTo(ProofOrder order, DateOnly today)
    {
        order.VendorId = VendorId;
        order.Status = Status;
        order.NumberOfProofs = NumberOfProofs;
        order.StorageLocation = Clean(StorageLocation);
        order.CdNumber = Clean(CdNumber);
        order.OrderDate = OrderDate ?? today;
        order.DueDate = DueDate;
        order.ReceivedDate = ReceivedDate;
        order.Notes = Clean(Notes);
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ProofOrderInputValidator : AbstractValidator<ProofOrderInput>
{
    public ProofOrderInputValidator()
    {
        RuleFor(o => o.VendorId).GreaterThan(0);
        RuleFor(o => o.Status).IsInEnum();
        RuleFor(o => o.NumberOfProofs).InclusiveBetween(0, ProofOrderLimits.MaxProofs);
        RuleFor(o => o.StorageLocation).MaximumLength(ProofOrderLimits.StorageLocationLength);
        RuleFor(o => o.CdNumber).MaximumLength(ProofOrderLimits.CdNumberLength);
        RuleFor(o => o.Notes).MaximumLength(ProofOrderLimits.NotesLength);
        RuleFor(o => o.DueDate).GreaterThanOrEqualTo(o => o.OrderDate!.Value).When(o => o.OrderDate is not null && o.DueDate is not null)
            .WithMessage("dueDate must not be before orderDate.");
    }
}
