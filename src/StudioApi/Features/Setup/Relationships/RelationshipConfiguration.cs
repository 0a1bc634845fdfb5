using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Setup.Relationships;

public sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.ToTable("Relationships");
        builder.Property(r => r.Name).HasMaxLength(100);
        // A name means one live relationship; one in the recycle bin does not block reusing it.
        builder.HasIndex(r => r.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(r => r.SortOrder);
    }
}
