using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Setup.Resources;

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("Resources");
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        // A name means one live resource; one in the recycle bin does not block reusing it.
        builder.HasIndex(r => r.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(r => r.SortOrder);
    }
}
