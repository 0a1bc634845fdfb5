using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Clients.Notes;

/// <summary>
/// One entry of a record's notes log (a client's, a session's, a task's…; seed: the memo stamped with date, time and
/// user). Append-only: an entry is never edited, so it carries its author and time instead of a version. One table
/// for every kind, keyed like the status log, so a kind gets notes with its two endpoints (see <see cref="AddRecordNoteEndpoint"/>).
/// </summary>
public sealed class RecordNote : IHasId
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }
    public RecordKind Kind { get; set; }
    public long RecordId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class RecordNoteConfiguration : IEntityTypeConfiguration<RecordNote>
{
    public void Configure(EntityTypeBuilder<RecordNote> builder)
    {
        builder.ToTable("RecordNotes");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Text).HasMaxLength(RecordNote.TextMaxLength);
        builder.Property(n => n.Author).HasMaxLength(100);
        // A record's log, newest first (the list's sort is the creation instant).
        builder.HasIndex(n => new { n.Kind, n.RecordId, n.CreatedAt, n.Id });
    }
}

/// <summary>One entry of a record's notes log.</summary>
public sealed class RecordNoteResponse
{
    public required long Id { get; init; }
    /// <summary>The client, session, task… the note is about.</summary>
    public required long RecordId { get; init; }
    [MaxLength(RecordNote.TextMaxLength)]
    public required string Text { get; init; }
    /// <summary>Who wrote it: the username of the signed-in user (or API client).</summary>
    public required string Author { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static RecordNoteResponse From(RecordNote n) => new()
    {
        Id = n.Id,
        RecordId = n.RecordId,
        Text = n.Text,
        Author = n.Author,
        CreatedAt = n.CreatedAt,
    };
}
