using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.SessionTypes;

public sealed class SessionTypeResponse : RecordResponse
{
    public required string Name { get; init; }
    public required SessionStyle Style { get; init; }
    public required int DefaultLengthMinutes { get; init; }
    /// <summary>The title of its sessions on calendars and feeds.</summary>
    public required string CalendarTemplate { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }
    public required bool OnlineBookable { get; init; }
    public required BookingRulesData BookingRules { get; init; }

    public static SessionTypeResponse From(SessionType t) => new SessionTypeResponse
    {
        Name = t.Name,
        Style = t.Style,
        DefaultLengthMinutes = t.DefaultLengthMinutes,
        CalendarTemplate = t.CalendarTemplate,
        SortOrder = t.SortOrder,
        IsActive = t.IsActive,
        OnlineBookable = t.OnlineBookable,
        BookingRules = BookingRulesData.From(t.BookingRules),
    }.WithAudit(t);
}
