using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Persistence;

namespace StudioApi.Features.Sessions;

/// <summary>One entry of a session's notes log. Append-only: stamped with its author and time, never edited.</summary>
public sealed class SessionNote : IHasId
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class SessionNoteConfiguration : IEntityTypeConfiguration<SessionNote>
{
    public void Configure(EntityTypeBuilder<SessionNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Author).HasMaxLength(100);
        builder.HasOne<Session>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.SessionId, n.Id });
    }
}

/// <summary>One entry of a session's notes log.</summary>
public sealed class SessionNoteResponse
{
    public required long Id { get; init; }
    public required long SessionId { get; init; }
    public required string Text { get; init; }
    /// <summary>Who wrote it: the username of the signed-in user (or API client).</summary>
    public required string Author { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static SessionNoteResponse From(SessionNote n) => new()
    {
        Id = n.Id,
        SessionId = n.SessionId,
        Text = n.Text,
        Author = n.Author,
        CreatedAt = n.CreatedAt,
    };
}
