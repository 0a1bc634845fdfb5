using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Setup.Resources;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.CalendarFeeds;

/// <summary>
/// A secret iCalendar URL for one user's or one resource's calendar, which calendar apps fetch without signing in.
/// Only the SHA-256 of the URL's token is kept: the token itself is shown once, when the feed is made or rotated.
/// </summary>
public sealed class CalendarFeed : AuditedRecord
{
    public long? UserId { get; set; }
    public long? ResourceId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(f => f.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
