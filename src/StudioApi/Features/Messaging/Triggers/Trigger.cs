using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers;

/// <summary>What makes a trigger fire.</summary>
public enum TriggerEvent
{
    /// <summary>The record reaches a status (statusId; any status when omitted).</summary>
    StatusChange,
    /// <summary>The record is created (it starts at its workflow's initial status).</summary>
    Creation,
    /// <summary>A number of days before or after a date of the record, at a studio-local time of day.</summary>
    Date,
    /// <summary>Every day at a studio-local time of day (the job sheet of the day's, or a later day's, sessions).</summary>
    Daily,
}

/// <summary>The record's date a date trigger counts from.</summary>
public enum TriggerDateField
{
    /// <summary>The session's date (session triggers).</summary>
    SessionDate,
    /// <summary>The due date of the record's current status.</summary>
    StatusDueDate,
    /// <summary>The invoice's date (invoice triggers).</summary>
    InvoiceDate,
    /// <summary>Each deposit's and instalment's due date of the invoice's payment plan (invoice triggers); one already covered by payments is skipped.</summary>
    InstalmentDueDate,
}

public enum TriggerActionKind
{
    Email,
    Sms,
    Letter,
    /// <summary>A call to make, in the communications.</summary>
    Call,
    /// <summary>A task (customer-service ticket).</summary>
    Task,
    /// <summary>The job sheet of a day's sessions into the print queue (daily triggers).</summary>
    JobSheet,
}

/// <summary>One thing a trigger does when it fires.</summary>
public sealed class TriggerAction
{
    public TriggerActionKind Kind { get; set; }
    /// <summary>E-mail, SMS, letter: the template rendered for the record.</summary>
    public long? TemplateId { get; set; }
    /// <summary>A call: its call type.</summary>
    public long? CallTypeId { get; set; }
    /// <summary>A task: its task type.</summary>
    public long? TaskTypeId { get; set; }
    /// <summary>A call's subject or a task's title; the trigger's name when omitted.</summary>
    public string? Title { get; set; }
    /// <summary>A call or task: due this many days after the day the trigger fires.</summary>
    public int DueInDays { get; set; }
    /// <summary>A call or task: who makes or works it.</summary>
    public long? AssignedUserId { get; set; }
    /// <summary>Place in the trigger's list (0 first).</summary>
    public int Position { get; set; }
}

/// <summary>
/// A trigger (seed: "when something happens, a Trigger will trigger something else to happen"): on a status change, on
/// creation, or at a date relative to a record's date at a studio-local time of day, for records of one kind that meet
/// its conditions, it sends e-mails, text messages and letters, and makes calls and tasks. Each (trigger, record,
/// occurrence) fires exactly once (<see cref="TriggerFiring"/>, a unique ledger): what fired and what was skipped, and
/// why, is the trigger's history. A trigger reacts only to what happens after it was made active.
/// </summary>
public sealed class Trigger : AuditedRecord
{
    public const int MaxActions = 10;
    public const int MaxIds = 50;

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsActive { get; set; }
    /// <summary>When it was last made active: dates due before then do not fire it.</summary>
    public DateTime? ActivatedAt { get; set; }
    /// <summary>The last status-log entry when it was made active: only later changes fire it (ids, unlike times, never tie).</summary>
    public long ActivatedAfterEntryId { get; set; }

    /// <summary>client, session, task or invoice.</summary>
    public RecordKind RecordKind { get; set; }
    public TriggerEvent Event { get; set; }
    /// <summary>A status change: the status reached (any when null).</summary>
    public long? StatusId { get; set; }
    /// <summary>Only records of these types (session types, task types); all when empty.</summary>
    public List<long> TypeIds { get; set; } = [];
    public TriggerDateField? DateField { get; set; }
    /// <summary>A date trigger: days after the date (negative: before).</summary>
    public int OffsetDays { get; set; }
    /// <summary>A date trigger: the studio-local time of day it fires.</summary>
    public TimeOnly? TimeOfDay { get; set; }

    // Conditions, checked on the record when it fires; a record that fails them is skipped, with the reason.
    /// <summary>The record must be at one of these statuses when it fires; any when empty.</summary>
    public List<long> ConditionStatusIds { get; set; } = [];
    /// <summary>The session's organization, or the client's as a student.</summary>
    public long? ConditionOrganizationId { get; set; }
    /// <summary>Sessions: only confirmed (true) or only unconfirmed (false) ones; either when null.</summary>
    public bool? ConditionConfirmed { get; set; }
    /// <summary>Sessions: cancelled ones too; invoices: void ones too (by default they are skipped).</summary>
    public bool IncludeCancelled { get; set; }

    public List<TriggerAction> Actions { get; set; } = [];
}

public sealed class TriggerConfiguration : IEntityTypeConfiguration<Trigger>
{
    public void Configure(EntityTypeBuilder<Trigger> builder)
    {
        builder.ToTable("Triggers");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.DateField).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.TypeIds).HasConversion(IdList.Converter, IdList.Comparer).HasMaxLength(1000);
        builder.Property(t => t.ConditionStatusIds).HasConversion(IdList.Converter, IdList.Comparer).HasMaxLength(1000);
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(t => new { t.IsActive, t.Event });
        builder.OwnsMany(t => t.Actions, action =>
        {
            action.ToTable("TriggerActions");
            // A key of its own: SQLite cannot generate values for the default (owner id, id) composite key.
            action.HasKey("Id");
            action.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
            action.Property(a => a.Title).HasMaxLength(200);
            action.HasIndex(a => a.TemplateId);
        });
    }
}

/// <summary>A short list of ids kept in one column ("3,7,12"): what a trigger filters on, never queried into.</summary>
public static class IdList
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<long>, string> Converter = new(
        ids => string.Join(',', ids),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList());

    public static readonly ValueComparer<List<long>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        ids => ids.Aggregate(0, (hash, id) => HashCode.Combine(hash, id.GetHashCode())),
        ids => ids.ToList());
}
