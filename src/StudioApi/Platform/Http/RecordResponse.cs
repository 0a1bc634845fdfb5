using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http;

/// <summary>The fields every record's representation starts with: id, version (also sent as the ETag) and its audit trail.</summary>
/// <remarks>The limits are for the contract; they mirror the columns of <see cref="AuditedRecord"/>.</remarks>
public abstract class RecordResponse
{
    public long Id { get; set; }
    /// <summary>Send it back in If-Match (as <c>"3"</c>) to update or delete the record.</summary>
    [Range(1, int.MaxValue)]
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    [MaxLength(100)]
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    [MaxLength(100)]
    public string UpdatedBy { get; set; } = "";
    /// <summary>Set while the record is in the recycle bin.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    [MaxLength(100)]
    public string? DeletedBy { get; set; }
}

public static class RecordResponseExtensions
{
    public static T WithAudit<T>(this T response, AuditedRecord record) where T : RecordResponse
    {
        response.Id = record.Id;
        response.Version = record.Version;
        response.CreatedAt = record.CreatedAt;
        response.CreatedBy = record.CreatedBy;
        response.UpdatedAt = record.UpdatedAt;
        response.UpdatedBy = record.UpdatedBy;
        response.DeletedAt = record.DeletedAt;
        response.DeletedBy = record.DeletedBy;
        return response;
    }
}
