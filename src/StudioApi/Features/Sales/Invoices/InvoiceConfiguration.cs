using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Scheduling.Sessions;

namespace StudioApi.Features.Sales.Invoices;

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.VoidedBy).HasMaxLength(100);
        builder.Property(i => i.VoidReason).HasMaxLength(InvoiceLimits.ReasonLength);
        builder.Ignore(i => i.WorkflowTypeId);
        builder.Ignore(i => i.IsVoid);

        builder.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PriceList>().WithMany().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Status).WithMany().HasForeignKey(i => i.StatusId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(i => i.Lines, line =>
        {
            line.ToTable("InvoiceLines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Code).HasMaxLength(InvoiceLimits.CodeLength);
            line.Property(l => l.Description).HasMaxLength(InvoiceLimits.DescriptionLength);
            line.Property(l => l.ItemType).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.CropAspectRatio).HasMaxLength(20);
            line.Property(l => l.DiscountPercent).HasPrecision(9, 4);
            // Which invoices sold an item or an image (production orders, a purge).
            line.HasIndex(l => l.ItemId);
            line.HasIndex(l => l.ImageId);
            line.OwnsMany(l => l.Poses, pose =>
            {
                pose.ToTable("InvoiceLinePoses");
                pose.Property<long>("Id");
                pose.HasKey("Id");
                pose.HasIndex(p => p.ImageId);
            });
        });
        builder.OwnsMany(i => i.Taxes, tax =>
        {
            tax.ToTable("InvoiceTaxes");
            tax.HasKey("Id");
            tax.Property(t => t.Name).HasMaxLength(60);
            tax.Property(t => t.RatePercent).HasPrecision(9, 4);
        });
        builder.OwnsMany(i => i.Promotions, promotion =>
        {
            promotion.ToTable("InvoicePromotions");
            promotion.HasKey("Id");
            promotion.Property(p => p.CouponCode).HasMaxLength(40);
            promotion.Property(p => p.Description).HasMaxLength(InvoiceLimits.DescriptionLength);
            // A coupon's uses are counted by its item.
            promotion.HasIndex(p => p.PromotionItemId);
        });
        builder.OwnsMany(i => i.Instalments, instalment =>
        {
            instalment.ToTable("InvoiceInstalments");
            instalment.HasKey(x => x.Id);
            instalment.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            // The overdue list reads instalments by due date.
            instalment.HasIndex(x => new { x.DueDate, x.Id });
        });

        // The recycle bin's rows only: an index over every live row's null DeletedAt led SQLite to read the whole table
        // through it and sort, instead of reading a sort's own index (which also serves the live-rows filter).
        builder.HasIndex(i => i.DeletedAt).HasFilter("DeletedAt IS NOT NULL");
        // Numbers are never reused, recycle bin included: the index is over every row.
        builder.HasIndex(i => i.Number).IsUnique();
        // The list's sorts, each with the live-rows filter so a page is read in order from its index (no sort step).
        builder.HasIndex(i => new { i.Date, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.Total, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.Balance, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.Number, i.Id }).HasFilter("DeletedAt IS NULL").HasDatabaseName("IX_Invoices_Number_Live");
        // Its filters, in the default order (number): a client's, a session's, a type's, a status's, those with a balance due.
        builder.HasIndex(i => new { i.ClientId, i.Number });
        builder.HasIndex(i => new { i.SessionId, i.Number });
        builder.HasIndex(i => new { i.Type, i.Number }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.StatusId, i.Number }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.BalanceDue, i.Number }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => i.StatusDueDate);
        // The workflow lists (overdue, a hub stage) and the hub's and overdue counts read each status's records by due
        // date, status date or id, as sessions do (see SessionConfiguration): without them the counts read every invoice of the status.
        builder.HasIndex(i => new { i.StatusId, i.StatusDueDate, i.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.StatusId, i.StatusDate, i.Id, i.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => new { i.StatusId, i.Id, i.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(i => i.CreditsInvoiceId);
        // Balances and aging read the invoices with a balance due, by client, with their date and balance (a covering index).
        builder.HasIndex(i => new { i.BalanceDue, i.ClientId, i.Date, i.Balance }).HasFilter("DeletedAt IS NULL");
    }
}
