using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Platform.Search;

namespace StudioApi.Features.Clients.Clients;

public sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("Clients");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Company).HasMaxLength(200);
        builder.Property(c => c.ReferralSource).HasMaxLength(100);
        builder.Property(c => c.EmailBounceAddress).HasMaxLength(254);
        builder.Property(c => c.EmailBounceReason).HasMaxLength(500);

        // A number names one live client; one in the recycle bin does not block it (restoring it then may conflict).
        // It also serves the number sort (unique, so no ties to break).
        builder.HasIndex(c => c.Number).IsUnique().HasFilter("DeletedAt IS NULL");

        // Every sort the list offers, over live clients (the recycle bin is small and sorted as read), then the common
        // filters with the default sort, so a page is the first rows of an index range (see ListClientsEndpoint).
        builder.Property(c => c.NameSortKey).HasMaxLength(Client.SortKeyLength);
        builder.Property(c => c.FirstNameSortKey).HasMaxLength(Client.SortKeyLength);
        builder.Property(c => c.CompanySortKey).HasMaxLength(Client.SortKeyLength);
        builder.HasIndex(c => new { c.NameSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        // The recycle bin in the default order.
        builder.HasIndex(c => new { c.NameSortKey, c.Id }, "IX_Clients_NameSortKey_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(c => new { c.FirstNameSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.CompanySortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.CreatedAt, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.UpdatedAt, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.Kind, c.NameSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.StatusId, c.NameSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        // The workflow lists (overdue) read each status's clients by due date, status date or id (with the due date
        // along, checked from the index); counts per status read the narrowest of them.
        builder.HasIndex(c => new { c.StatusId, c.StatusDueDate, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.StatusId, c.StatusDate, c.Id, c.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.StatusId, c.Id, c.StatusDueDate }).HasFilter("DeletedAt IS NULL");
        // Found by the catch-up of clients whose terms are missing or stale (see SearchIndexCatchUp).
        builder.HasIndex(c => c.SearchIndexVersion);

        builder.Ignore(c => c.WorkflowTypeId);
        // A status in use is never deleted (it is refused, or its records move first).
        builder.HasOne(c => c.Status).WithMany().HasForeignKey(c => c.StatusId).OnDelete(DeleteBehavior.Restrict);
        // Cleared by hand when a session's images are purged (SessionDependents), never by a cascade.

        // Each owned collection gets a key of its own: SQLite cannot generate values for the default composite key.
        builder.OwnsMany(c => c.Addresses, address =>
        {
            address.ToTable("ClientAddresses");
            address.HasKey("Id");
            address.Property(a => a.Label).HasMaxLength(40);
            // Owned rather than complex: EF does not put complex types inside owned ones. Required, so an
            // address with every field empty still reads back as an (empty) address, not null.
            address.OwnsOne(a => a.Address);
            address.Navigation(a => a.Address).IsRequired();
        });
        builder.OwnsMany(c => c.Phones, phone =>
        {
            phone.ToTable("ClientPhones");
            phone.HasKey("Id");
            phone.Property(p => p.Label).HasMaxLength(40);
            phone.Property(p => p.Number).HasMaxLength(40);
            phone.Property(p => p.Digits).HasMaxLength(40);
        });
        builder.OwnsMany(c => c.Emails, email =>
        {
            email.ToTable("ClientEmails");
            email.HasKey("Id");
            email.Property(e => e.Label).HasMaxLength(40);
            email.Property(e => e.Address).HasMaxLength(320);
        });
        builder.OwnsMany(c => c.FamilyMembers, member =>
        {
            member.ToTable("ClientFamilyMembers");
            member.HasKey("Id");
            member.Property(m => m.FirstName).HasMaxLength(100);
            member.Property(m => m.LastName).HasMaxLength(100);
            member.Property(m => m.Phone).HasMaxLength(40);
            member.Property(m => m.Email).HasMaxLength(320);
            member.Property(m => m.Notes).HasMaxLength(1000);
            // Relationships are only ever soft-deleted, and not while in use; the key keeps the database honest too.
            member.HasOne<Relationship>().WithMany().HasForeignKey(m => m.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        });

        // Table splitting: the student fields are columns of Clients, null when the client is not a student.
        builder.OwnsOne(c => c.Student, student =>
        {
            student.Property(s => s.OrganizationId).HasColumnName("StudentOrganizationId");
            student.Property(s => s.StudentId).HasColumnName("StudentId").HasMaxLength(50);
            student.Property(s => s.Grade).HasColumnName("StudentGrade").HasMaxLength(20);
            student.Property(s => s.Homeroom).HasColumnName("StudentHomeroom").HasMaxLength(50);
            student.Property(s => s.Teacher).HasColumnName("StudentTeacher").HasMaxLength(100);
            student.Property(s => s.GraduationYear).HasColumnName("StudentGraduationYear");
            student.Property(s => s.GuardianName).HasColumnName("StudentGuardianName").HasMaxLength(200);
            student.Property(s => s.GuardianPhone).HasColumnName("StudentGuardianPhone").HasMaxLength(40);
            student.Property(s => s.GuardianEmail).HasColumnName("StudentGuardianEmail").HasMaxLength(320);
            student.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            // A student id names one live student of an organization; the same id at another school is another student.
            student.HasIndex(s => new { s.OrganizationId, s.StudentId })
                .IsUnique()
                .HasFilter("DeletedAt IS NULL AND StudentId IS NOT NULL")
                .HasDatabaseName(StudentIdIndex);
            // An organization's and a year's live students in name order (the list's filters) are indexes the model
            // cannot state, an owned type's index taking none of the client's columns: the ListsAtScale migration of
            // each provider creates them by hand (IX_Clients_StudentOrganizationId_NameSortKey_Id,
            // IX_Clients_StudentOrganizationId_FirstNameSortKey_Id and IX_Clients_StudentGraduationYear_NameSortKey_Id,
            // on live clients).
        });
    }

    /// <summary>Named after its first column on both providers, so <c>IsUniqueViolation("Clients", "StudentOrganizationId")</c> finds it.</summary>
    public const string StudentIdIndex = "IX_Clients_StudentOrganizationId_StudentId";
}

public sealed class ClientSearchTermConfiguration : SearchTermConfiguration<ClientSearchTerm, Client>
{
    protected override string Table => "ClientSearchTerms";

    public override void Configure(EntityTypeBuilder<ClientSearchTerm> builder)
    {
        base.Configure(builder);
        builder.Property(t => t.NameSortKey).HasMaxLength(Client.SortKeyLength);
        // A word's live matches in name order, read from this index alone (ListClientsEndpoint's common-word search).
        builder.HasIndex(t => new { t.Term, t.NameSortKey, t.RecordId, t.IsLive });
    }
}
