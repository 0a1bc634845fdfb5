using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Schools.YearbookStatuses;

public sealed class YearbookStatusConfiguration : IEntityTypeConfiguration<YearbookStatus>
{
    public void Configure(EntityTypeBuilder<YearbookStatus> builder)
    {
        builder.ToTable("YearbookStatuses");
        builder.Property(t => t.Name).HasMaxLength(100);
        // A name means one live type; one in the recycle bin does not block reusing it.
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => t.SortOrder);
    }
}
