using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Templates;

public sealed class TemplateResponse : RecordResponse
{
    public required string Name { get; init; }
    public required TemplateKind Kind { get; init; }
    public required MergeRecordType RecordType { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public string? Description { get; init; }
    public required bool IsActive { get; init; }

    public static TemplateResponse From(MessageTemplate t) => new TemplateResponse
    {
        Name = t.Name,
        Kind = t.Kind,
        RecordType = t.RecordType,
        Subject = t.Subject,
        Body = t.Body,
        Description = t.Description,
        IsActive = t.IsActive,
    }.WithAudit(t);
}
