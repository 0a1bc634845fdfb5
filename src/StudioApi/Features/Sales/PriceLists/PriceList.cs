using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists;

/// <summary>
/// A price list (seed: Maintenance > Price List > Price Lists): groups of items in order, each item a product or
/// service with its price. A studio keeps several; the seed recommends one for in-studio sales and a simpler one for
/// the online store. Which list a session sells from is chosen by its assignments: the session's organization first,
/// then its session type, then the studio's default, per channel (<see cref="SalesChannel"/>).
/// </summary>
public sealed class PriceList : AuditedRecord
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>What the list is used for: a channel's default, session types, organizations.</summary>
    public List<PriceListAssignment> Assignments { get; set; } = [];
}

/// <summary>Where a sale happens: at the studio (kiosk, front desk) or in the online store.</summary>
public enum SalesChannel
{
    InStudio,
    Online,
}

/// <summary>What a price list is assigned to within a channel.</summary>
public enum AssignmentTarget
{
    /// <summary>The channel's default: sessions with no organization or session type of their own list use it.</summary>
    Default,
    SessionType,
    Organization,
}

/// <summary>
/// One use of a price list: the default of a channel, or a session type's or organization's list in a channel. Each
/// (channel, target) belongs to at most one live list; a unique index says so, over the rows whose list is live
/// (<see cref="ListIsLive"/>), so a list in the recycle bin holds nothing and gets its uses back when restored.
/// </summary>
public sealed class PriceListAssignment
{
    public SalesChannel Channel { get; set; }
    public AssignmentTarget Target { get; set; }
    /// <summary>The session type's or organization's id; 0 for a default (0, not null: SQLite's unique indexes let NULLs repeat).</summary>
    public long TargetId { get; set; }
    public bool ListIsLive { get; set; } = true;
}
