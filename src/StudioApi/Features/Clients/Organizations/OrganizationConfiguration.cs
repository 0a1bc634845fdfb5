using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Clients.Organizations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Code).HasMaxLength(40);
        builder.Property(o => o.Notes).HasMaxLength(4000);
        builder.ComplexProperty(o => o.Address);
        builder.ComplexProperty(o => o.YearbookImageSpec);
        builder.ComplexProperty(o => o.Yearbook, yearbook => yearbook.Property(y => y.StatusOnSelection).HasMaxLength(100));
        builder.OwnsMany(o => o.Contacts, contact =>
        {
            contact.ToTable("OrganizationContacts");
            // A key of its own: SQLite cannot generate values for the default (owner id, id) composite key.
            contact.HasKey("Id");
            contact.Property(c => c.Name).HasMaxLength(200);
        });
        // A code names one live organization; one in the recycle bin does not block reusing it.
        // It also serves the code sort; these the others, over live organizations.
        builder.HasIndex(o => o.Code).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.Name, o.Id }).HasFilter("DeletedAt IS NULL");
        // The recycle bin in the default order.
        builder.HasIndex(o => new { o.Name, o.Id }, "IX_Organizations_Name_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(o => new { o.CreatedAt, o.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(o => new { o.UpdatedAt, o.Id }).HasFilter("DeletedAt IS NULL");
    }
}
