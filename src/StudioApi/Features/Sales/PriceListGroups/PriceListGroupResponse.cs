using StudioApi.Platform.Http;

namespace StudioApi.Features.Sales.PriceListGroups;

public sealed class PriceListGroupResponse : RecordResponse
{
    public required long PriceListId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Place in the list, lowest first.</summary>
    public required int Position { get; init; }

    public static PriceListGroupResponse From(PriceListGroup g) => new PriceListGroupResponse
    {
        PriceListId = g.PriceListId,
        Name = g.Name,
        Description = g.Description,
        Position = g.Position,
    }.WithAudit(g);
}
