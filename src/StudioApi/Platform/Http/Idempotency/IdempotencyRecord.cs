using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Http.Idempotency;

/// <summary>
/// One Idempotency-Key a caller used on a creating POST: the fingerprint of the request and, once the write
/// committed, the response to replay. Written in the same transaction as the write it guards.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    /// <summary>Whose key it is (the caller) and where it was used: keys of different callers never meet.</summary>
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// The server that claimed the key (its <see cref="Background.BackgroundInstance"/> id): when that server restarts,
    /// the claims it left unfinished are released at once (see <see cref="IdempotencyRetention"/>).
    /// </summary>
    public string? Owner { get; set; }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Scope).HasMaxLength(300);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(400);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.Property(r => r.Owner).HasMaxLength(Background.WorkLease.OwnerMaxLength);
        builder.Property(r => r.ResponseBody).HasMaxLength(-1);
        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
