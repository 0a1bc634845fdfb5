using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.Promotions;

/// <summary>
/// A marketing campaign a session belongs to (Santa Claus, Fall Colors, Two-for-One, Referral Coupon…), recorded so
/// the studio can see which promotions bring in business. A setup list.
/// </summary>
public sealed class Promotion : AuditedRecord
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>First day the promotion runs; none means it has always run.</summary>
    public DateOnly? StartDate { get; set; }
    /// <summary>Last day the promotion runs (inclusive); none means it runs on.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive promotion stays on the sessions that have it but cannot be added to new ones.</summary>
    public bool IsActive { get; set; } = true;
}
