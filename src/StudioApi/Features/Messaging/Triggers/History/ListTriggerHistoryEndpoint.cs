using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers.History;

public sealed class ListTriggerHistoryRequest : ListRequest
{
    public long Id { get; set; }
    /// <summary>fired or skipped.</summary>
    public FiringOutcome? Outcome { get; set; }
    /// <summary>Only what it did for this record.</summary>
    public long? RecordId { get; set; }
}

public sealed class ListTriggerHistoryValidator : ListRequestValidator<ListTriggerHistoryRequest, TriggerFiring>
{
    public ListTriggerHistoryValidator() : base(ListTriggerHistoryEndpoint.SortKeys)
    {
        RuleFor(r => r.Outcome).IsInEnum();
    }
}

public sealed class TriggerFiringResponse
{
    public required long Id { get; init; }
    public required RecordKind RecordKind { get; init; }
    public required long RecordId { get; init; }
    /// <summary>What fired it: log:&lt;status-log entry&gt;, date:&lt;the date counted from&gt;, due:&lt;status&gt;:&lt;due date&gt;.</summary>
    public required string Occurrence { get; init; }
    /// <summary>When it was due; firedAt later than this is a catch-up after downtime.</summary>
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset FiredAt { get; init; }
    public required FiringOutcome Outcome { get; init; }
    /// <summary>What it made, or why it was skipped.</summary>
    public required string Detail { get; init; }
}

public sealed class ListTriggerHistoryEndpoint(StudioDbContext db) : Endpoint<ListTriggerHistoryRequest, Page<TriggerFiringResponse>>
{
    internal static readonly SortKeys<TriggerFiring> SortKeys = new SortKeys<TriggerFiring>("-firedAt").Add("firedAt", f => f.FiredAt);

    public override void Configure()
    {
        Get("/triggers/{id}/history");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Triggers", "ListHistory", "List what a trigger fired and skipped",
            "Newest first: each record and occurrence it fired for, once, with what it made, or why it skipped it."));
    }

    public override async Task HandleAsync(ListTriggerHistoryRequest req, CancellationToken ct)
    {
        if (!await db.Triggers.IgnoreQueryFilters().AnyAsync(t => t.Id == req.Id, ct))
            throw ApiProblem.NotFound("trigger", req.Id);
        var query = db.TriggerFirings.AsNoTracking().Where(f => f.TriggerId == req.Id);
        if (req.Outcome is { } outcome)
            query = query.Where(f => f.Outcome == outcome);
        if (req.RecordId is { } recordId)
            query = query.Where(f => f.RecordId == recordId);
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, f => new TriggerFiringResponse
        {
            Id = f.Id, RecordKind = f.RecordKind, RecordId = f.RecordId, Occurrence = f.Occurrence, DueAt = f.DueAt, FiredAt = f.FiredAt,
            Outcome = f.Outcome, Detail = f.Detail,
        }, ct), ct);
    }
}
