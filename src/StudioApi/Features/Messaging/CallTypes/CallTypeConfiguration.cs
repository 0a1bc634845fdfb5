using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Messaging.CallTypes;

public sealed class CallTypeConfiguration : IEntityTypeConfiguration<CallType>
{
    public void Configure(EntityTypeBuilder<CallType> builder)
    {
        builder.ToTable("CallTypes");
        builder.Property(t => t.Name).HasMaxLength(100);
        // A name means one live type; one in the recycle bin does not block reusing it.
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => t.SortOrder);
    }
}
