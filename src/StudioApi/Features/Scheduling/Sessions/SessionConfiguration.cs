using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.Promotions;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Search;

namespace StudioApi.Features.Scheduling.Sessions;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.FileNumber).HasMaxLength(50);
        builder.Property(s => s.Description).HasMaxLength(200);
        builder.Property(s => s.BookedBy).HasMaxLength(100);
        builder.Property(s => s.StudentId).HasMaxLength(50);
        builder.Property(s => s.YearbookStatus).HasMaxLength(100);
        builder.Property(s => s.SocialContacts).HasMaxLength(2000);
        builder.Property(s => s.Guests).HasMaxLength(2000);
        builder.Property(s => s.Suppliers).HasMaxLength(2000);
        builder.Property(s => s.OnlineEventType).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.OnlineEventCode).HasMaxLength(50);
        builder.Ignore(s => s.OccupiesTime);
        builder.Ignore(s => s.WorkflowTypeId);

        // A number names one live session; one in the recycle bin does not block it (restoring it then may conflict).
        // It also serves the number sort (unique, so no ties to break).
        builder.HasIndex(s => s.Number).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.Date, s.StartTime });
        // Conflict checks look for a person's or a resource's sessions around an instant; the hub lists them by date.
        builder.HasIndex(s => new { s.PhotographerId, s.StartsAt });
        builder.HasIndex(s => new { s.AssistantId, s.StartsAt });
        builder.HasIndex(s => new { s.ResourceId, s.StartsAt });
        // Every sort the hub offers over live sessions (date is the start instant), and its common filters in date
        // order, so a page is the first rows of an index range (see ListSessionsEndpoint). The client's id rides along
        // in the date order, so a search for a common word checks sessions along it without reading their rows.
        builder.HasIndex(s => new { s.StartsAt, s.Id, s.ClientId }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.CreatedAt, s.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.ClientId, s.StartsAt });
        builder.HasIndex(s => new { s.OrganizationId, s.StartsAt });
        builder.HasIndex(s => new { s.SessionTypeId, s.StartsAt });
        builder.HasIndex(s => new { s.StatusId, s.StartsAt }).HasFilter("DeletedAt IS NULL");
        // Cancelled sessions (a few in a hundred) in date order, and the recycle bin in date order.
        builder.HasIndex(s => new { s.Cancelled, s.StartsAt }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.StartsAt, s.Id }, "IX_Sessions_StartsAt_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        // The workflow lists (overdue, a hub stage) read each status's sessions by due date, status date or id; the
        // hub's counts per status read the narrowest of them. The due date rides along in the other two orders, so
        // the overdue list checks it from the index while it steps over the records not due yet; the status date rides
        // along in the due-date order, so a status's past-due range is sorted by status date from the index alone.
        builder.HasIndex(s => new { s.StatusId, s.StatusDueDate, s.Id, s.StatusDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.StatusId, s.StatusDate, s.Id, s.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(s => new { s.StatusId, s.Id, s.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        // The reminder job looks for reminders that are due and have not fired; the reminders list for fired ones of
        // sessions that have not ended.
        builder.HasIndex(s => new { s.ReminderFiredAt, s.ReminderDueAt });
        // Online bookings held for their deposit, swept when the hold runs out: only those are in it.
        builder.HasIndex(s => s.DepositDueBy).HasFilter("DepositDueBy IS NOT NULL");
        builder.HasIndex(s => new { s.StartsAt, s.Id }, "IX_Sessions_StartsAt_Id_FiredReminders").HasFilter("ReminderFiredAt IS NOT NULL AND DeletedAt IS NULL");
        // Found by the catch-up of sessions whose terms are missing or stale (see SearchIndexCatchUp).
        builder.HasIndex(s => s.SearchIndexVersion);

        // Referenced records are only ever soft-deleted; the keys keep the database honest too.
        builder.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SessionType>().WithMany().HasForeignKey(s => s.SessionTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.PhotographerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.AssistantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Status).WithMany().HasForeignKey(s => s.StatusId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(s => s.CustomFields, field =>
        {
            field.ToTable("SessionCustomFields");
            // A key of its own: SQLite cannot generate values for the default composite key.
            field.HasKey("Id");
            field.Property(f => f.Label).HasMaxLength(50);
            field.Property(f => f.Value).HasMaxLength(400);
        });
        builder.OwnsMany(s => s.Promotions, promotion =>
        {
            promotion.ToTable("SessionPromotions");
            promotion.HasKey("Id");
            promotion.HasOne<Promotion>().WithMany().HasForeignKey(p => p.PromotionId).OnDelete(DeleteBehavior.Restrict);
            promotion.HasIndex(p => p.PromotionId);
        });
        builder.OwnsMany(s => s.Participants, participant =>
        {
            participant.ToTable("SessionParticipants");
            participant.HasKey("Id");
            participant.Property(p => p.FirstName).HasMaxLength(100);
            participant.Property(p => p.LastName).HasMaxLength(100);
            participant.HasOne<Relationship>().WithMany().HasForeignKey(p => p.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

public sealed class SessionSearchTermConfiguration : SearchTermConfiguration<SessionSearchTerm, Session>
{
    protected override string Table => "SessionSearchTerms";
}
