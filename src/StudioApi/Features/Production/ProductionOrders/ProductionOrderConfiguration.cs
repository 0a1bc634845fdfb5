using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Setup.ProductionTypes;

namespace StudioApi.Features.Production.ProductionOrders;

public sealed class ProductionOrderConfiguration : IEntityTypeConfiguration<ProductionOrder>
{
    public void Configure(EntityTypeBuilder<ProductionOrder> builder)
    {
        builder.ToTable("ProductionOrders");
        builder.Property(o => o.LabReference).HasMaxLength(ProductionOrderLimits.LabReferenceLength);
        builder.Property(o => o.Carrier).HasMaxLength(ProductionOrderLimits.CarrierLength);
        builder.Property(o => o.TrackingNumber).HasMaxLength(ProductionOrderLimits.TrackingNumberLength);
        builder.Property(o => o.Notes).HasMaxLength(ProductionOrderLimits.NotesLength);
        builder.Ignore(o => o.WorkflowTypeId);

        // An invoice purged with its session takes its production orders with it (the session's purge erases invoices).
        builder.HasOne<Invoice>().WithMany().HasForeignKey(o => o.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductionType>().WithMany().HasForeignKey(o => o.ProductionTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vendor>().WithMany().HasForeignKey(o => o.VendorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Status).WithMany().HasForeignKey(o => o.StatusId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("ProductionOrderLines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Code).HasMaxLength(InvoiceLimits.CodeLength);
            line.Property(l => l.Description).HasMaxLength(InvoiceLimits.DescriptionLength);
            line.Property(l => l.AspectRatio).HasMaxLength(20);
            line.Property(l => l.PrintSize).HasMaxLength(20);
            line.Ignore(l => l.NeedsCrop);
            // An invoice line (each pose of a package) is on one production order at most, recycle bin included.
            line.HasIndex(l => new { l.InvoiceLineId, l.Part }).IsUnique();
            line.HasIndex(l => l.ImageId);
        });

        builder.HasIndex(o => o.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(o => o.Number).IsUnique();
        // The list's sorts, each with the live-rows filter so a page is read in order from its index.
        builder.HasIndex(o => new { o.Number, o.Id }).HasFilter("DeletedAt IS NULL").HasDatabaseName("IX_ProductionOrders_Number_Live");
        builder.HasIndex(o => new { o.OrderDate, o.Id }).HasFilter("DeletedAt IS NULL");
        // The overdue lists read orders by their status's due date.
        builder.HasIndex(o => o.StatusDueDate);
        // The workflow lists (overdue, a hub stage) and the hub's and overdue counts read each status's records by due
        // date, status date or id, as sessions do (see SessionConfiguration): without them the counts read every order of the status.
        builder.HasIndex(o => new { o.StatusId, o.StatusDueDate, o.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.StatusId, o.StatusDate, o.Id, o.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.StatusId, o.Id, o.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        // Its filters, in the default order (number): an invoice's, a session's, a client's, a status's, a vendor's, a type's.
        builder.HasIndex(o => new { o.InvoiceId, o.Number });
        builder.HasIndex(o => new { o.SessionId, o.Number });
        builder.HasIndex(o => new { o.ClientId, o.Number });
        builder.HasIndex(o => new { o.StatusId, o.Number }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.VendorId, o.Number }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.ProductionTypeId, o.Number }).HasFilter("DeletedAt IS NULL");
    }
}
