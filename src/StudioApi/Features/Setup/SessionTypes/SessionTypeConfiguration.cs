using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Setup.SessionTypes;

public sealed class SessionTypeConfiguration : IEntityTypeConfiguration<SessionType>
{
    public void Configure(EntityTypeBuilder<SessionType> builder)
    {
        builder.ToTable("SessionTypes");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Style).HasConversion<string>().HasMaxLength(20);
        // A name means one live type; one in the recycle bin does not block reusing it.
        builder.Property(t => t.CalendarTemplate).HasMaxLength(CalendarTemplate.MaxLength).HasDefaultValue(CalendarTemplate.Default);
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => t.SortOrder);
        builder.ComplexProperty(t => t.BookingRules, rules =>
        {
            rules.Property(r => r.PhotographerIds)
                .HasConversion(
                    ids => string.Join(',', ids),
                    text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList(),
                    new ValueComparer<List<long>>(
                        (a, b) => a!.SequenceEqual(b!),
                        ids => ids.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)),
                        ids => ids.ToList()))
                .HasMaxLength(500);
        });
    }
}
