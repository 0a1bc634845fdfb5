using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Sales.ShippingMethods;

public sealed class ShippingMethodConfiguration : IEntityTypeConfiguration<ShippingMethod>
{
    public void Configure(EntityTypeBuilder<ShippingMethod> builder)
    {
        builder.ToTable("ShippingMethods");
        builder.Property(m => m.Name).HasMaxLength(ShippingMethodInputValidator.NameLength);
        builder.Property(m => m.Description).HasMaxLength(ShippingMethodInputValidator.DescriptionLength);
        builder.HasIndex(m => m.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(m => m.SortOrder);
        // The recycle bin in the default order.
        builder.HasIndex(m => new { m.SortOrder, m.Id }, "IX_ShippingMethods_SortOrder_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
    }
}
