using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Scheduling.CalendarFeeds;

public sealed class CalendarFeedResponse
{
    public required long Id { get; init; }
    /// <summary>Whose calendar the feed carries (or resourceId).</summary>
    public long? UserId { get; init; }
    /// <summary>Which resource's calendar the feed carries (or userId).</summary>
    public long? ResourceId { get; init; }
    /// <summary>
    /// The secret subscription URL: given only when the feed is made or rotated (the studio keeps only a hash of it).
    /// Anyone who has it can read the calendar, without signing in.
    /// </summary>
    [MaxLength(500)]
    public string? Url { get; init; }
    [MaxLength(100)]
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the URL was last made or rotated.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public static CalendarFeedResponse From(CalendarFeed feed, string? url = null) => new()
    {
        Id = feed.Id,
        UserId = feed.UserId,
        ResourceId = feed.ResourceId,
        Url = url,
        CreatedBy = feed.CreatedBy,
        CreatedAt = feed.CreatedAt,
        UpdatedAt = feed.UpdatedAt,
    };
}
