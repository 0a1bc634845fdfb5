using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Setup.Locations;

public sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.ComplexProperty(l => l.Address);
        builder.Property(l => l.Notes).HasMaxLength(2000);
        // A name means one live location; one in the recycle bin does not block reusing it.
        builder.HasIndex(l => l.Name).IsUnique().HasFilter("DeletedAt IS NULL");
    }
}
