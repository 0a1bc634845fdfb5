using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Persistence;

namespace StudioApi.Features.Clients;

/// <summary>
/// One entry of a client's notes log. Append-only: an entry is never edited, so it carries its author and time
/// instead of a version and an audit trail.
/// </summary>
public sealed class ClientNote : IHasId
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class ClientNoteConfiguration : IEntityTypeConfiguration<ClientNote>
{
    public void Configure(EntityTypeBuilder<ClientNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Author).HasMaxLength(100);
        builder.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
        // The log is read newest first, per client.
        builder.HasIndex(n => new { n.ClientId, n.Id });
    }
}
