using StudioApi.Platform.Http;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Communications;

public sealed class AttachmentResponse
{
    public required AttachmentKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Bytes { get; init; }
}

public sealed class CommunicationResponse : RecordResponse
{
    public required CommunicationKind Kind { get; init; }
    public required CommunicationDirection Direction { get; init; }
    public required long ClientId { get; init; }
    public long? SessionId { get; init; }
    public long? InvoiceId { get; init; }
    public long? TaskId { get; init; }
    public long? TemplateId { get; init; }
    public string? Subject { get; init; }
    /// <summary>The text as sent (rendered when queued), or a call's notes.</summary>
    public string? Body { get; init; }
    public required BodyFormat BodyFormat { get; init; }
    /// <summary>The e-mail address, phone number or postal address it goes to (or came from).</summary>
    public string? Address { get; init; }
    /// <summary>An e-mail's attachments, as made when it was queued.</summary>
    public required IReadOnlyList<AttachmentResponse> Attachments { get; init; }
    public long? CallTypeId { get; init; }
    public DateOnly? DueDate { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long? AssignedUserId { get; init; }
    /// <summary>A call past its due date and not completed.</summary>
    public required bool IsOverdue { get; init; }
    /// <summary>Where a message is on its way out; null for a call.</summary>
    public DeliveryState? State { get; init; }
    public DateTimeOffset? QueuedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public SkipReason? SkipReason { get; init; }
    /// <summary>Why delivery failed for good, or why it is uncertain.</summary>
    public string? Error { get; init; }
    /// <summary>Delivery attempts so far (each is listed by Communications_ListAttempts).</summary>
    public required int Attempts { get; init; }
    /// <summary>While retrying: why the last attempt failed, and when the next one is.</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>The e-mail's Message-Id (recorded before it was handed over).</summary>
    public string? MessageId { get; init; }
    /// <summary>The provider's id (Twilio's message SID).</summary>
    public string? ProviderId { get; init; }
    /// <summary>When a delivery report said it arrived (Twilio's status callback: delivered).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>When a delivery report said it did not arrive (a bounce e-mail, Twilio's undelivered or failed); the error says why.</summary>
    public DateTimeOffset? BouncedAt { get; init; }
    /// <summary>The bounce's code: the mail status (5.1.1, 4.2.2) or Twilio's error code (30003).</summary>
    public string? BounceCode { get; init; }
    public RecordStatusResponse? Status { get; init; }

    /// <param name="c">The communication, with its status loaded.</param>
    /// <param name="today">The studio's today, which decides whether a call or the status is overdue.</param>
    public static CommunicationResponse From(Communication c, DateOnly today) => new CommunicationResponse
    {
        Kind = c.Kind,
        Direction = c.Direction,
        ClientId = c.ClientId,
        SessionId = c.SessionId,
        InvoiceId = c.InvoiceId,
        TaskId = c.TaskId,
        TemplateId = c.TemplateId,
        Subject = c.Subject,
        Body = c.Body,
        BodyFormat = c.BodyFormat,
        Address = c.Address,
        Attachments = c.Attachments.Select(a => new AttachmentResponse { Kind = a.Kind, FileName = a.FileName, ContentType = a.ContentType, Bytes = a.Bytes }).ToList(),
        CallTypeId = c.CallTypeId,
        DueDate = c.DueDate,
        CompletedAt = c.CompletedAt,
        AssignedUserId = c.AssignedUserId,
        IsOverdue = c.Kind == CommunicationKind.Call && c.CompletedAt is null && c.DueDate < today,
        State = c.State,
        QueuedAt = c.QueuedAt,
        SentAt = c.SentAt,
        SkipReason = c.SkipReason,
        Error = c.Error,
        Attempts = c.Delivery.Attempts,
        LastError = c.Delivery.LastError,
        NextAttemptAt = c.Delivery.NextAttemptAt,
        MessageId = c.MessageId,
        ProviderId = c.ProviderId,
        DeliveredAt = c.DeliveredAt,
        BouncedAt = c.BouncedAt,
        BounceCode = c.BounceCode,
        Status = RecordStatusResponse.From(c, c.Status, today),
    }.WithAudit(c);
}
