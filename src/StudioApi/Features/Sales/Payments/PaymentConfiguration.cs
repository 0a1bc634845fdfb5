using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.PaymentMethods;

namespace StudioApi.Features.Sales.Payments;

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Reference).HasMaxLength(PaymentLimits.ReferenceLength);
        builder.Property(p => p.VoidedBy).HasMaxLength(100);
        builder.Property(p => p.VoidReason).HasMaxLength(InvoiceLimits.ReasonLength);
        builder.Ignore(p => p.Applied);

        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaymentMethod>().WithMany().HasForeignKey(p => p.MethodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payment>().WithMany().HasForeignKey(p => p.RefundOfPaymentId).OnDelete(DeleteBehavior.Restrict);

        // Payments are voided, never deleted: no index of live rows' null DeletedAt for SQLite to read lists through.
        builder.HasIndex(p => p.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
        // An invoice's payments in date order; a client's (credit); a payment's refunds.
        builder.HasIndex(p => new { p.InvoiceId, p.Date, p.Id });
        builder.HasIndex(p => new { p.ClientId, p.Date, p.Id });
        builder.HasIndex(p => new { p.Date, p.Id });
    }
}
