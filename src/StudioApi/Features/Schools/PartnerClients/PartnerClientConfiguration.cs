using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Schools.PartnerClients;

public sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> builder)
    {
        builder.ToTable("PartnerClients");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ClientId).HasMaxLength(40);
        builder.Property(c => c.Scopes).HasMaxLength(200);
        builder.Ignore(c => c.ScopeList);
        // Unique across the recycle bin too: a client id is never handed out twice.
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.OwnsMany(c => c.Organizations, organization =>
        {
            organization.ToTable("PartnerClientOrganizations");
            organization.HasKey("Id");
            organization.HasIndex(o => o.OrganizationId);
        });
        builder.OwnsMany(c => c.Secrets, secret =>
        {
            secret.ToTable("PartnerClientSecrets");
            secret.HasKey("Id");
            secret.Property(s => s.Hash).HasMaxLength(64);
            secret.Property(s => s.Hint).HasMaxLength(4);
        });
    }
}
