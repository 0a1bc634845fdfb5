using StudioApi.Platform.Http;

namespace StudioApi.Features.Sales.PaymentMethods;

public sealed class PaymentMethodResponse : RecordResponse
{
    public required string Name { get; init; }
    public required PaymentMethodKind Kind { get; init; }
    public required bool RequiresReference { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static PaymentMethodResponse From(PaymentMethod m) => new PaymentMethodResponse
    {
        Name = m.Name,
        Kind = m.Kind,
        RequiresReference = m.RequiresReference,
        SortOrder = m.SortOrder,
        IsActive = m.IsActive,
    }.WithAudit(m);
}
