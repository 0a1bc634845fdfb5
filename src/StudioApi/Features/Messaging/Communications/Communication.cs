using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Messaging.CallTypes;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Communications;

public enum CommunicationKind
{
    Call,
    Email,
    Sms,
    Letter,
}

public enum CommunicationDirection
{
    /// <summary>From the studio to the client.</summary>
    Outbound,
    /// <summary>From the client to the studio (a call taken, an e-mail received), logged.</summary>
    Inbound,
}

/// <summary>
/// Where a message is on its way out. Calls have none. Messages are rendered and saved first, then delivered by the
/// outbox (the background engine), so none is lost to a crash and none goes twice.
/// </summary>
public enum DeliveryState
{
    /// <summary>Saved, not to be sent until someone sends it.</summary>
    Draft,
    /// <summary>Waiting for the outbox.</summary>
    Queued,
    /// <summary>The outbox has started to hand it over (its message id is recorded).</summary>
    Sending,
    /// <summary>Accepted by the mail server or SMS provider; a letter: in the print queue.</summary>
    Sent,
    /// <summary>Given up on after its attempts, or refused outright; the error says why.</summary>
    Failed,
    /// <summary>Not sent because of the client's wishes or details (an opt-out, no address); the skip reason says which.</summary>
    Skipped,
    /// <summary>
    /// The server stopped while handing it over, after the mail server had started to receive it: it may have arrived.
    /// Never sent again on its own (that could send it twice); a person checks and sends it again if need be.
    /// </summary>
    Uncertain,
    /// <summary>Sent or received elsewhere and logged here (a "completed e-mail").</summary>
    Logged,
    /// <summary>Reported as arrived after it was sent (Twilio's status callback said delivered).</summary>
    Delivered,
    /// <summary>
    /// Reported as not arrived after it was sent: a bounce e-mail from the recipient's mail system, or Twilio's
    /// undelivered or failed status. The error says why, the bounce code is the mail status (5.1.1) or Twilio's error code.
    /// </summary>
    Bounced,
}

/// <summary>Why a message was not sent.</summary>
public enum SkipReason
{
    /// <summary>The client does not want e-mail (the client's emailOptOut).</summary>
    EmailOptOut,
    /// <summary>The client does not want text messages (smsOptOut).</summary>
    SmsOptOut,
    /// <summary>The client followed an unsubscribe link.</summary>
    Unsubscribed,
    /// <summary>The client has no e-mail address.</summary>
    NoEmailAddress,
    /// <summary>The client has no phone that takes text messages.</summary>
    NoSmsPhone,
    /// <summary>The client has no postal address for a letter.</summary>
    NoPostalAddress,
    /// <summary>The client went to the recycle bin before the message left.</summary>
    ClientDeleted,
    /// <summary>A hard bounce came back from this address before (the client's emailBounce); cleared by staff or a new address.</summary>
    EmailBounced,
}

public enum BodyFormat
{
    Text,
    Html,
}

/// <summary>What an e-mail can carry besides its text, made when it is queued (an invoice's document joins with invoices).</summary>
public enum AttachmentKind
{
    /// <summary>The session's confirmation for the client, the page Sessions_GetConfirmation prints (HTML).</summary>
    SessionConfirmation,
    /// <summary>The first page of the session's contact sheet (JPEG).</summary>
    ContactSheet,
    /// <summary>The invoice's document on the studio's letterhead (PDF), as Invoices_GetDocument prints it.</summary>
    InvoiceDocument,
}

/// <summary>A file an e-mail carries, kept in the file store as it was when the e-mail was queued, so a retry sends the same bytes.</summary>
public sealed class CommunicationAttachment
{
    public AttachmentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public long Bytes { get; set; }
}

/// <summary>
/// A communication with a client (seed: the Communications tab): a call to make or made, or an e-mail, text message or
/// letter, sent through the outbox or logged. Linked to a client and optionally a session, invoice or task. Its body is
/// rendered from a template when it is queued and kept as sent, so the record says exactly what the client got.
/// </summary>
public sealed class Communication : AuditedRecord, IHasWorkflowStatus, IHasAssignedUser, ISearchable
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 200_000;
    public const int AddressMaxLength = 254;
    public const int BounceCodeMaxLength = 20;

    public CommunicationKind Kind { get; set; }
    public CommunicationDirection Direction { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    /// <summary>The invoice it is about (checked when set: a live invoice of the client the caller may see). No foreign key: an invoice purged later leaves the record of what was said.</summary>
    public long? InvoiceId { get; set; }
    public long? TaskId { get; set; }
    /// <summary>The template the body was rendered from.</summary>
    public long? TemplateId { get; set; }
    /// <summary>The wizard's batch that made it, and the record (client or session) it was made for: once per batch and record.</summary>
    public long? BatchId { get; set; }
    public long? BatchRecordId { get; set; }

    public string? Subject { get; set; }
    /// <summary>As rendered when queued (or written); a call's notes.</summary>
    public string? Body { get; set; }
    public BodyFormat BodyFormat { get; set; }
    /// <summary>The e-mail address or phone number it goes to (or came from, inbound), fixed when it is queued.</summary>
    public string? Address { get; set; }
    /// <summary>An e-mail's attachments, made when it was queued.</summary>
    public List<CommunicationAttachment> Attachments { get; set; } = [];

    // A call.
    public long? CallTypeId { get; set; }
    /// <summary>The studio-local day the call is to be made; a call not completed by then is overdue.</summary>
    public DateOnly? DueDate { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The user who is to make (or made) the call, or who handles the message.</summary>
    public long? AssignedUserId { get; set; }

    // Delivery, through the outbox.
    public DeliveryState? State { get; set; }
    public DateTime? QueuedAt { get; set; }
    /// <summary>Sent (or, logged, when it was sent or received elsewhere).</summary>
    public DateTime? SentAt { get; set; }
    public SkipReason? SkipReason { get; set; }
    /// <summary>Why delivery failed for good, or why it is uncertain.</summary>
    public string? Error { get; set; }
    /// <summary>The message's own id, recorded before it is handed over (the e-mail's Message-Id), so a retry can tell it apart.</summary>
    public string? MessageId { get; set; }
    /// <summary>The provider's id for it (Twilio's message SID, the mail server's queue id).</summary>
    public string? ProviderId { get; set; }
    /// <summary>When the outbox began to hand it over (the mail server had started to receive it).</summary>
    public DateTime? HandedOverAt { get; set; }
    /// <summary>When a delivery report said it arrived (Twilio's delivered).</summary>
    public DateTime? DeliveredAt { get; set; }
    /// <summary>When a delivery report said it did not arrive (a bounce e-mail, Twilio's undelivered or failed).</summary>
    public DateTime? BouncedAt { get; set; }
    /// <summary>The report's code: the mail status of a bounce (5.1.1) or Twilio's error code (30003).</summary>
    public string? BounceCode { get; set; }
    /// <summary>The engine's lease, attempts and last error while the outbox delivers it.</summary>
    public WorkLease Delivery { get; set; } = new();

    /// <summary>The communication's place in the communication workflow (To do, Done…); changed only through status changes.</summary>
    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    /// <summary>Communications have one status list.</summary>
    public long? WorkflowTypeId => null;

    public bool IsMessage => Kind != CommunicationKind.Call;

    /// <summary>The due date, or the last day for an undated one: computed by the database so an index serves the dueDate sort (undated last).</summary>
    public DateOnly DueSortKey { get; private set; }

    /// <summary>When it was sent, or the last instant for an unsent one: computed by the database (the outbox sets SentAt in bulk updates) so an index serves the sentAt sort.</summary>
    public DateTime SentSortKey { get; private set; }

    public int SearchIndexVersion { get; set; }

    /// <summary>
    /// The terms a communication is found by: the words of its subject and the address it went to (or came from), an
    /// e-mail address as the client's are, a phone number by any run of its digits. Both are fixed once it is queued.
    /// </summary>
    public IEnumerable<string> IndexText() =>
        SearchText.Words(Subject).Concat(Address is null ? []
            : Address.Contains('@') ? SearchText.EmailTerms(Address)
            : SearchText.DigitRuns(SearchText.Digits(Address)));
}

/// <summary>A term a communication is found by (see <see cref="Communication.IndexText"/>).</summary>
public sealed class CommunicationSearchTerm : SearchTerm<Communication>;

public sealed class CommunicationSearchTermConfiguration : SearchTermConfiguration<CommunicationSearchTerm, Communication>
{
    protected override string Table => "CommunicationSearchTerms";
}

public sealed class CommunicationConfiguration : IEntityTypeConfiguration<Communication>
{
    public void Configure(EntityTypeBuilder<Communication> builder)
    {
        builder.ToTable("Communications");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Subject).HasMaxLength(Communication.SubjectMaxLength);
        builder.Property(c => c.Body).HasMaxLength(Communication.BodyMaxLength);
        builder.Property(c => c.BodyFormat).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Address).HasMaxLength(Communication.AddressMaxLength);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SkipReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Error).HasMaxLength(WorkLease.ErrorMaxLength);
        builder.Property(c => c.MessageId).HasMaxLength(200);
        builder.Property(c => c.ProviderId).HasMaxLength(200);
        builder.Property(c => c.BounceCode).HasMaxLength(Communication.BounceCodeMaxLength);
        builder.HasWorkLease(c => c.Delivery, "Delivery");
        builder.OwnsMany(c => c.Attachments, attachment =>
        {
            attachment.ToTable("CommunicationAttachments");
            // A key of its own: SQLite cannot generate values for the default (owner id, id) composite key.
            attachment.HasKey("Id");
            attachment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            attachment.Property(a => a.FileName).HasMaxLength(200);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.Property(a => a.StorageKey).HasMaxLength(200);
        });
        builder.Ignore(c => c.WorkflowTypeId);
        builder.Ignore(c => c.IsMessage);

        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudioTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MessageTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CallType>().WithMany().HasForeignKey(c => c.CallTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AssignedUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Status).WithMany().HasForeignKey(c => c.StatusId).OnDelete(DeleteBehavior.Restrict);

        // Sort keys for the list, computed from the nullable dates (the same SQL on SQLite and SQL Server).
        builder.Property(c => c.DueSortKey).HasComputedColumnSql("COALESCE(DueDate, '9999-12-31')", stored: true);
        builder.Property(c => c.SentSortKey).HasComputedColumnSql("COALESCE(SentAt, '9999-12-31 23:59:59.9999999')", stored: true);

        // Every sort of the list, on live rows, and the recycle bin's default order; the client's and session's
        // Communications tabs and each common filter in the default order (newest first). See ListQueryPlanTests.
        builder.HasIndex(c => c.SearchIndexVersion);
        builder.HasIndex(c => new { c.CreatedAt, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.CreatedAt, c.Id }, "IX_Communications_CreatedAt_Id_Deleted").HasFilter("DeletedAt IS NOT NULL");
        builder.HasIndex(c => new { c.DueSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.SentSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.ClientId, c.CreatedAt });
        builder.HasIndex(c => new { c.SessionId, c.CreatedAt });
        builder.HasIndex(c => new { c.InvoiceId, c.CreatedAt });
        builder.HasIndex(c => new { c.TaskId, c.CreatedAt });
        builder.HasIndex(c => new { c.BatchId, c.CreatedAt });
        builder.HasIndex(c => new { c.AssignedUserId, c.CreatedAt });
        builder.HasIndex(c => new { c.Kind, c.CreatedAt });
        builder.HasIndex(c => new { c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.StatusId, c.CreatedAt });
        // The calls to make (open=true), newest first and by due date (the front desk's call list).
        builder.HasIndex(c => new { c.CreatedAt, c.Id }, "IX_Communications_OpenCalls_CreatedAt_Id")
            .HasFilter("Kind = 'Call' AND CompletedAt IS NULL AND DeletedAt IS NULL");
        // By due date: Kind and CompletedAt lead (equalities, so SQLite prefers it to the Kind index even without statistics).
        builder.HasIndex(c => new { c.Kind, c.CompletedAt, c.DueSortKey, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.BatchId, c.BatchRecordId }).IsUnique().HasFilter("BatchId IS NOT NULL");
        // Overdue calls (the client's hasOverdueCall): only open calls are in it, so it stays small.
        builder.HasIndex(c => new { c.ClientId, c.DueDate }).HasDatabaseName("IX_Communications_OpenCalls")
            .HasFilter("DueDate IS NOT NULL AND CompletedAt IS NULL AND DeletedAt IS NULL");
        // Every overdue call (overdue=true): a range of the open calls' due dates.
        builder.HasIndex(c => c.DueDate, "IX_Communications_OpenCalls_DueDate")
            .HasFilter("DueDate IS NOT NULL AND CompletedAt IS NULL AND DeletedAt IS NULL");
        // The outbox's queue (state queued or sending). Its claim reads the live queued and sending messages in id order
        // from their own partial index: with (State, Id) alone, SQLite's statistics (a few states over 300,000 rows) had it
        // scan every communication on each poll.
        builder.HasIndex(c => new { c.State, c.Id });
        builder.HasIndex(c => c.Id, "IX_Communications_OutboxQueue").HasFilter("State IN ('Queued', 'Sending') AND DeletedAt IS NULL");
        builder.HasIndex(c => c.StatusDueDate);
        // A bounce names the e-mail by its Message-Id (its returned headers, or the envelope id we sent it with).
        builder.HasIndex(c => c.MessageId).HasFilter("MessageId IS NOT NULL");
    }
}
