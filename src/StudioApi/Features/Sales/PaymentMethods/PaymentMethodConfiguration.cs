using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Sales.PaymentMethods;

public sealed class PaymentMethodConfiguration : IEntityTypeConfiguration<PaymentMethod>
{
    public void Configure(EntityTypeBuilder<PaymentMethod> builder)
    {
        builder.ToTable("PaymentMethods");
        builder.Property(m => m.Name).HasMaxLength(PaymentMethodInputValidator.NameLength);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        // A name means one live method; one in the recycle bin does not block reusing it.
        builder.HasIndex(m => m.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(m => m.SortOrder);
        // The recycle bin in the default order.
        builder.HasIndex(m => new { m.SortOrder, m.Id }, "IX_PaymentMethods_SortOrder_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
    }
}
