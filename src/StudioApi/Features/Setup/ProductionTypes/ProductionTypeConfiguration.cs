using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Setup.ProductionTypes;

public sealed class ProductionTypeConfiguration : IEntityTypeConfiguration<ProductionType>
{
    public void Configure(EntityTypeBuilder<ProductionType> builder)
    {
        builder.ToTable("ProductionTypes");
        builder.Property(t => t.Name).HasMaxLength(100);
        // A name means one live type; one in the recycle bin does not block reusing it.
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => t.SortOrder);
    }
}
