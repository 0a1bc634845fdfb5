using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Sales.TaxSettings;

public sealed class SalesTaxSettingsConfiguration : IEntityTypeConfiguration<SalesTaxSettings>
{
    public void Configure(EntityTypeBuilder<SalesTaxSettings> builder)
    {
        builder.ToTable("TaxSettings");
        builder.OwnsMany(s => s.Rates, rate =>
        {
            rate.ToTable("TaxRates");
            // A key of its own: SQLite cannot generate values for the default (owner id, id) composite key.
            rate.HasKey("Id");
            rate.Property(r => r.Name).HasMaxLength(TaxSettingsInputValidator.RateNameLength);
            rate.Property(r => r.RatePercent).HasPrecision(9, 4);
        });
    }
}
