using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceLists;

namespace StudioApi.Features.Sales.PriceListItems;

public sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.ToTable("PriceListItems");
        builder.Property(i => i.Code).HasMaxLength(ItemLimits.CodeLength);
        builder.Property(i => i.CodeKey).HasMaxLength(ItemLimits.CodeLength);
        builder.Property(i => i.Description).HasMaxLength(ItemLimits.DescriptionLength);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CropAspectRatio).HasMaxLength(ItemLimits.AspectRatioLength);
        builder.Property(i => i.PrintSize).HasMaxLength(ItemLimits.AspectRatioLength);
        builder.Property(i => i.CouponCode).HasMaxLength(ItemLimits.CouponCodeLength);
        builder.Property(i => i.CouponCodeKey).HasMaxLength(ItemLimits.CouponCodeLength);
        builder.Property(i => i.DiscountPercent).HasPrecision(9, 4);
        builder.HasOne<PriceList>().WithMany().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PriceListGroup>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(i => i.Components, component =>
        {
            component.ToTable("PackageComponents");
            component.HasKey("Id");
            // Which packages hold an item, asked before the item is deleted.
            component.HasIndex(c => c.ItemId);
        });
        builder.OwnsMany(i => i.PromotionTargets, target =>
        {
            target.ToTable("PromotionTargets");
            target.HasKey("Id");
            target.Property(t => t.Kind).HasConversion<string>().HasMaxLength(10);
            target.HasIndex(t => new { t.Kind, t.TargetId });
        });

        // Codes and coupon codes are unique among a list's live items.
        builder.HasIndex(i => new { i.PriceListId, i.CodeKey }).IsUnique().HasFilter("DeletedAt IS NULL").HasDatabaseName(CodeIndex);
        builder.HasIndex(i => new { i.PriceListId, i.CouponCodeKey }).IsUnique().HasFilter("DeletedAt IS NULL AND CouponCodeKey IS NOT NULL")
            .HasDatabaseName(CouponCodeIndex);
        // The list's sorts, each with the live-rows filter so a page is read in order from its index (no sort step).
        builder.HasIndex(i => new { i.PriceListId, i.Position, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.PriceListId, i.Description, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.PriceListId, i.Price, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.PriceListId, i.GroupId, i.Position, i.Id }).HasFilter("DeletedAt IS NULL");
        // A list's items live and deleted, counted per list (the price lists' page) from the index alone.
        builder.HasIndex(i => new { i.PriceListId, i.DeletedAt });
        // A list's recycle bin in the default order.
        builder.HasIndex(i => new { i.PriceListId, i.Position, i.Id }, "IX_PriceListItems_PriceListId_Position_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(i => i.ProductionTypeId);
    }

    /// <summary>Named after the code column on both providers, so <c>IsUniqueViolation("PriceListItems", "CodeKey")</c> finds it.</summary>
    public const string CodeIndex = "IX_PriceListItems_CodeKey_PerList";
    public const string CouponCodeIndex = "IX_PriceListItems_CouponCodeKey_PerList";
}
