using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Sales.PriceLists;

public sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> builder)
    {
        builder.ToTable("PriceLists");
        builder.Property(l => l.Name).HasMaxLength(PriceListInputValidator.NameLength);
        builder.Property(l => l.Description).HasMaxLength(PriceListInputValidator.DescriptionLength);
        builder.HasIndex(l => l.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        // The list's other sorts over live lists, and the recycle bin in the default order.
        builder.HasIndex(l => new { l.CreatedAt, l.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(l => new { l.UpdatedAt, l.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(l => new { l.Name, l.Id }, "IX_PriceLists_Name_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.OwnsMany(l => l.Assignments, assignment =>
        {
            assignment.ToTable("PriceListAssignments");
            assignment.HasKey("Id");
            assignment.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
            assignment.Property(a => a.Target).HasConversion<string>().HasMaxLength(20);
            // One live list per channel default, session type and organization; the session's lookup reads this index.
            assignment.HasIndex(a => new { a.Channel, a.Target, a.TargetId }).IsUnique().HasFilter("ListIsLive = 1");
        });
    }
}
