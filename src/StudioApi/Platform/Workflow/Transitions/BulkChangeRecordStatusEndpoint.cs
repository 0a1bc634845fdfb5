using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.Transitions;

public sealed class BulkChangeRecordStatusRequest
{
    public const int MaxIds = 20_000;

    /// <summary>The records to change (up to 20,000); each gets a result.</summary>
    public List<long> Ids { get; set; } = [];

    /// <summary>The status to move every record to. Omit when advancing.</summary>
    public long? StatusId { get; set; }

    /// <summary>true moves each record to the next active status of its own workflow.</summary>
    public bool? Advance { get; set; }

    /// <summary>Why, for the status log of every changed record.</summary>
    public string? Note { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class BulkChangeRecordStatusValidator : Validator<BulkChangeRecordStatusRequest>
{
    public BulkChangeRecordStatusValidator()
    {
        RuleFor(r => r.Ids).NotEmpty().MaxItems(BulkChangeRecordStatusRequest.MaxIds);
        RuleForEach(r => r.Ids).GreaterThan(0);
        RuleFor(r => r.StatusId).GreaterThan(0);
        RuleFor(r => r.Note).MaximumLength(StatusLogEntry.NoteMaxLength);
        // Either one, so a request with neither (or both) names both fields.
        RuleFor(r => r.Advance).Must((r, advance) => (advance == true) != (r.StatusId is not null))
            .WithMessage("Send either statusId or advance: true.");
        RuleFor(r => r.StatusId).Must((r, statusId) => (r.Advance == true) != (statusId is not null))
            .WithMessage("Send either statusId or advance: true.");
    }
}

public sealed class BulkStatusChangeResultResponse
{
    public required long Id { get; init; }
    public required StatusChangeOutcome Outcome { get; init; }
    /// <summary>Why a skipped record was left as it was.</summary>
    public StatusChangeSkipReason? Reason { get; init; }
    /// <summary>The record's status before (skipped: its status).</summary>
    public long? FromStatusId { get; init; }
    public long? ToStatusId { get; init; }
    /// <summary>A changed record's new due date.</summary>
    public DateOnly? DueDate { get; init; }
}

public sealed class BulkStatusChangeResponse
{
    public required int Changed { get; init; }
    public required int Skipped { get; init; }
    /// <summary>One result per distinct requested id, in request order.</summary>
    [MaxLength(BulkChangeRecordStatusRequest.MaxIds)]
    public required IReadOnlyList<BulkStatusChangeResultResponse> Results { get; init; }
}

/// <summary>
/// POST /{records}/status-changes for one record kind: the seed's mass advance. One transaction, a result per record,
/// a status-log entry and an event for every changed one.
/// </summary>
public abstract class BulkChangeRecordStatusEndpoint : Endpoint<BulkChangeRecordStatusRequest, BulkStatusChangeResponse>
{
    protected abstract RecordKind Kind { get; }
    protected abstract string Tag { get; }
    protected abstract string[] Editors { get; }

    public override void Configure()
    {
        var route = Resolve<WorkflowRecords>().Get(Kind).Route;
        Post($"/{route}/status-changes");
        Roles(Editors);
        Description(d => d
            .Operation(Tag, "BulkChangeStatus", $"Change the status of many {Kind.WireName()} records",
                FormattableString.Invariant($"Sets or advances the status of up to {BulkChangeRecordStatusRequest.MaxIds:N0} records in one transaction, with a result per record."))
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(BulkChangeRecordStatusRequest req, CancellationToken ct)
    {
        var target = req.StatusId is { } statusId ? StatusTarget.To(statusId) : StatusTarget.Advance;
        var note = string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim();
        var batch = await Resolve<StatusTransitions>().ChangeAsync(Kind, req.Ids, target, note, ct);
        await Send.OkAsync(new BulkStatusChangeResponse
        {
            Changed = batch.Entries.Count,
            Skipped = batch.Results.Count - batch.Entries.Count,
            Results = batch.Results.Select(r => new BulkStatusChangeResultResponse
            {
                Id = r.RecordId,
                Outcome = r.Outcome,
                Reason = r.Reason,
                FromStatusId = r.FromStatusId,
                ToStatusId = r.ToStatusId,
                DueDate = r.DueDate,
            }).ToList(),
        }, ct);
    }
}
