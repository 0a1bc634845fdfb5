using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Sales.PriceLists;

namespace StudioApi.Features.Sales.PriceListGroups;

public sealed class PriceListGroupConfiguration : IEntityTypeConfiguration<PriceListGroup>
{
    public void Configure(EntityTypeBuilder<PriceListGroup> builder)
    {
        builder.ToTable("PriceListGroups");
        builder.Property(g => g.Name).HasMaxLength(PriceListGroupInputValidator.NameLength);
        builder.Property(g => g.NameKey).HasMaxLength(PriceListGroupInputValidator.NameLength);
        builder.Property(g => g.Description).HasMaxLength(PriceListGroupInputValidator.DescriptionLength);
        builder.HasOne<PriceList>().WithMany().HasForeignKey(g => g.PriceListId).OnDelete(DeleteBehavior.Restrict);
        // Named after the name column on both providers, so IsUniqueViolation("PriceListGroups", "NameKey") finds it.
        builder.HasIndex(g => new { g.PriceListId, g.NameKey }).IsUnique().HasFilter("DeletedAt IS NULL").HasDatabaseName("IX_PriceListGroups_NameKey_PerList");
        // A list's groups in order, live ones only; and all of a list's groups (a list in the recycle bin shows those
        // deleted with it), which the filtered indexes cannot give.
        builder.HasIndex(g => new { g.PriceListId, g.Position, g.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(g => g.PriceListId);
    }
}
