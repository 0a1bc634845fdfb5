using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.Transitions;

public sealed class ChangeRecordStatusRequest
{
    public long Id { get; set; }

    /// <summary>The status to move the record to (a status of its workflow, not inactive). Omit when advancing.</summary>
    public long? StatusId { get; set; }

    /// <summary>true moves the record to the next active status of its workflow (a record without a status to the initial one).</summary>
    public bool? Advance { get; set; }

    /// <summary>Why, for the status log.</summary>
    public string? Note { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class ChangeRecordStatusValidator : Validator<ChangeRecordStatusRequest>
{
    public ChangeRecordStatusValidator()
    {
        RuleFor(r => r.StatusId).GreaterThan(0);
        RuleFor(r => r.Note).MaximumLength(StatusLogEntry.NoteMaxLength);
        // Either one, so a request with neither (or both) names both fields.
        RuleFor(r => r.Advance).Must((r, advance) => (advance == true) != (r.StatusId is not null))
            .WithMessage("Send either statusId or advance: true.");
        RuleFor(r => r.StatusId).Must((r, statusId) => (r.Advance == true) != (statusId is not null))
            .WithMessage("Send either statusId or advance: true.");
    }
}

/// <summary>
/// POST /{records}/{id}/status-changes for one record kind: each kind specialises it (a few lines naming the kind, its
/// tag and who may edit its records), so every kind has its own operation id and roles while the behaviour is shared.
/// </summary>
public abstract class ChangeRecordStatusEndpoint : Endpoint<ChangeRecordStatusRequest, StatusChangeResponse>
{
    protected abstract RecordKind Kind { get; }
    /// <summary>The kind's tag in the contract (Clients, Tasks…).</summary>
    protected abstract string Tag { get; }
    /// <summary>The roles that may edit records of this kind.</summary>
    protected abstract string[] Editors { get; }

    public override void Configure()
    {
        var route = Resolve<WorkflowRecords>().Get(Kind).Route;
        Post($"/{route}/{{id}}/status-changes");
        Roles(Editors);
        Description(d => d
            .Operation(Tag, "ChangeStatus", $"Change a {Kind.WireName()}'s status",
                "Sets the given status, or advances to the next active one; sets the status date and due date and logs the change.")
            .AcceptsIdempotencyKey()
            .AnswersCreatedWithETag());
    }

    public override async Task HandleAsync(ChangeRecordStatusRequest req, CancellationToken ct)
    {
        var db = Resolve<StudioDbContext>();
        var source = Resolve<WorkflowRecords>().Get(Kind);
        var target = req.StatusId is { } statusId ? StatusTarget.To(statusId) : StatusTarget.Advance;
        var batch = await Resolve<StatusTransitions>().ChangeAsync(Kind, [req.Id], target, Clean(req.Note), ct);

        var result = batch.Results[0];
        if (result.Reason is { } reason)
            throw Refusal(reason, req, result);

        var entry = batch.Entries[0];
        var version = await source.VersionAsync(db, req.Id, ct);
        HttpContext.Response.Headers.ETag = $"\"{version}\"";
        await Send.CreatedAtAsync($"{Tag}_ListStatusChanges", new { id = req.Id }, StatusChangeResponse.From(entry), cancellation: ct);
    }

    ApiProblem Refusal(StatusChangeSkipReason reason, ChangeRecordStatusRequest req, StatusChangeResult result)
    {
        var noun = Kind.WireName();
        return reason switch
        {
            StatusChangeSkipReason.NotFound => ApiProblem.NotFound(noun, req.Id),
            StatusChangeSkipReason.AlreadyAtStatus => ApiProblem.Conflict($"This {noun} is already at status {req.StatusId}."),
            StatusChangeSkipReason.AtFinalStatus => ApiProblem.Conflict($"This {noun} is at its workflow's final status: there is nothing to advance to."),
            StatusChangeSkipReason.NoNextStatus => ApiProblem.Conflict($"No active status follows this {noun}'s status {result.FromStatusId}."),
            StatusChangeSkipReason.StatusNotInWorkflow => ApiProblem.RuleBroken(req.StatusId is { } id
                ? $"Status {id} belongs to another workflow than this {noun}'s."
                : $"This {noun}'s status {result.FromStatusId} is not in its workflow; set a status of its workflow instead."),
            StatusChangeSkipReason.StatusInactive => ApiProblem.RuleBroken($"Status {req.StatusId} is inactive: records may stay at it but not move to it."),
            StatusChangeSkipReason.NoStatuses => ApiProblem.RuleBroken($"This {noun}'s workflow has no statuses yet."),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
        };
    }

    static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
