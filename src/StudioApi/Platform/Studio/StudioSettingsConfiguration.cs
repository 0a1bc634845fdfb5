using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Studio;

public sealed class StudioSettingsConfiguration : IEntityTypeConfiguration<StudioSettings>
{
    public void Configure(EntityTypeBuilder<StudioSettings> builder)
    {
        builder.ToTable("StudioSettings");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.ComplexProperty(s => s.Address);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.TimeZone).HasMaxLength(100);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.OnlineBookingKey).HasMaxLength(64);
        builder.Property(s => s.WorkingDays)
            .HasConversion(
                days => WorkingDaysText.Format(days),
                text => WorkingDaysText.Parse(text),
                new ValueComparer<List<DayOfWeek>>(
                    (a, b) => a!.SequenceEqual(b!),
                    days => days.Aggregate(0, (hash, day) => HashCode.Combine(hash, day)),
                    days => days.ToList()))
            .HasMaxLength(80);
        // A short list of short texts, kept as a JSON array in one column.
        builder.PrimitiveCollection(s => s.SessionCustomLabels).HasMaxLength(1000);
        builder.OwnsMany(s => s.ClosedDates, closed =>
        {
            closed.ToTable("StudioClosedDates");
            // A key of its own: SQLite cannot generate values for the default (owner id, id) composite key.
            closed.HasKey("Id");
            closed.Property(c => c.Description).HasMaxLength(200);
        });
        builder.OwnsMany(s => s.OpeningHours, hours =>
        {
            hours.ToTable("StudioOpeningHours");
            hours.HasKey("Id");
            hours.Property(h => h.Day).HasConversion<string>().HasMaxLength(10);
        });
    }
}
