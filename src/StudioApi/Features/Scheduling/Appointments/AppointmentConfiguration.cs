using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Auth;

namespace StudioApi.Features.Scheduling.Appointments;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        // The list's sorts over live appointments (date is the start instant) and its filters in date order; busy-time
        // checks look for a resource's appointments around an instant.
        builder.HasIndex(a => new { a.StartsAt, a.Id }).HasFilter("DeletedAt IS NULL");
        // The recycle bin in the default order.
        builder.HasIndex(a => new { a.StartsAt, a.Id }, "IX_Appointments_StartsAt_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(a => new { a.CreatedAt, a.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(a => new { a.ResourceId, a.StartsAt });
        builder.HasIndex(a => new { a.SessionId, a.StartsAt });
        builder.HasIndex(a => new { a.ClientId, a.StartsAt });

        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(a => a.Staff, staff =>
        {
            staff.ToTable("AppointmentStaff");
            // A key of its own: SQLite cannot generate values for the default composite key.
            staff.HasKey("Id");
            staff.HasIndex(s => s.UserId);
            staff.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
