using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Production.Vendors;

public sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> builder)
    {
        builder.ToTable("Vendors");
        builder.Property(v => v.Name).HasMaxLength(VendorLimits.NameLength);
        builder.Property(v => v.ContactName).HasMaxLength(VendorLimits.ContactLength);
        builder.Property(v => v.Email).HasMaxLength(VendorLimits.EmailLength);
        builder.Property(v => v.Phone).HasMaxLength(VendorLimits.PhoneLength);
        builder.Property(v => v.AccountNumber).HasMaxLength(VendorLimits.AccountNumberLength);
        builder.Property(v => v.Notes).HasMaxLength(VendorLimits.NotesLength);
        builder.Property(v => v.SubmissionMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.LabProtocol).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.LabApiUrl).HasMaxLength(VendorLimits.UrlLength);
        builder.Property(v => v.LabShippingCode).HasMaxLength(VendorLimits.LabCodeLength);
        // Sealed secrets are base64 of nonce + tag + the text: longer than what was typed.
        builder.Property(v => v.LabKeyProtected).HasMaxLength(2 * VendorLimits.SecretLength);
        builder.Property(v => v.LabSecretProtected).HasMaxLength(2 * VendorLimits.SecretLength);
        builder.Property(v => v.LabCallbackSecretProtected).HasMaxLength(2 * VendorLimits.SecretLength);
        builder.OwnsMany(v => v.LabProducts, product =>
        {
            product.ToTable("VendorLabProducts");
            product.Property<long>("Id");
            product.HasKey("Id");
            product.Property(p => p.LabCode).HasMaxLength(VendorLimits.LabCodeLength);
            product.Property(p => p.LabOptions).HasMaxLength(VendorLimits.LabOptionsLength);
        });
        // A name means one live vendor; one in the recycle bin does not block reusing it.
        builder.HasIndex(v => v.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(v => v.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
        // No key to the type or item: Production reads them, Setup and Sales do not know vendors.
        builder.OwnsMany(v => v.ProductionTypes, type =>
        {
            type.ToTable("VendorProductionTypes");
            type.Property<long>("Id");
            type.HasKey("Id");
            type.HasIndex(t => t.ProductionTypeId);
        });
        builder.OwnsMany(v => v.PriceListItems, item =>
        {
            item.ToTable("VendorPriceListItems");
            item.Property<long>("Id");
            item.HasKey("Id");
            item.HasIndex(i => i.PriceListItemId);
        });
    }
}
