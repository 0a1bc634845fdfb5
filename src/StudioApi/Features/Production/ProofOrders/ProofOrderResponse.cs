using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Production.ProofOrders;

public sealed class ProofOrderResponse : RecordResponse
{
    public required long SessionId { get; init; }
    public long? VendorId { get; init; }
    public required ProofOrderStatus Status { get; init; }
    public required int NumberOfProofs { get; init; }
    [MaxLength(ProofOrderLimits.StorageLocationLength)]
    public string? StorageLocation { get; init; }
    [MaxLength(ProofOrderLimits.CdNumberLength)]
    public string? CdNumber { get; init; }
    public required DateOnly OrderDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public DateOnly? ReceivedDate { get; init; }
    [MaxLength(ProofOrderLimits.NotesLength)]
    public string? Notes { get; init; }

    public static ProofOrderResponse From(ProofOrder o) => new ProofOrderResponse
    {
        SessionId = o.SessionId,
        VendorId = o.VendorId,
        Status = o.Status,
        NumberOfProofs = o.NumberOfProofs,
        StorageLocation = o.StorageLocation,
        CdNumber = o.CdNumber,
        OrderDate = o.OrderDate,
        DueDate = o.DueDate,
        ReceivedDate = o.ReceivedDate,
        Notes = o.Notes,
    }.WithAudit(o);
}
