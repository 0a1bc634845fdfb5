using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.DeleteStatus;

public sealed class DeleteStatusRequest
{
    public long Id { get; set; }

    /// <summary>A status of the same workflow to move the records at this status to (with status-log entries).</summary>
    public long? MoveTo { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteStatusValidator : Validator<DeleteStatusRequest>
{
    public DeleteStatusValidator() => RuleFor(r => r.MoveTo).GreaterThan(0);
}

public sealed class DeleteStatusEndpoint(StudioDbContext db, WorkflowRecords records, StatusTransitions transitions) : Endpoint<DeleteStatusRequest>
{
    public override void Configure()
    {
        Delete("/workflow/statuses/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Records are at this status and no moveTo says where they go (their count in count).")
            .Operation("Workflow", "DeleteStatus",
                "Delete a status",
                "Refused with the count while records use it, unless `moveTo` names where they go."));
    }

    public override async Task HandleAsync(DeleteStatusRequest req, CancellationToken ct)
    {
        var status = await db.StatusDefinitions.SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("status", req.Id);
        db.MatchVersion(status, req.IfMatch);

        await db.InTransactionAsync(async () =>
        {
            var workflow = await WorkflowLists.LoadAsync(db, status.Workflow, ct);
            if (workflow.Count > 1 && (status.IsInitial || status.IsFinal))
                throw ApiProblem.RuleBroken(
                    $"'{status.Description}' is the {(status.IsInitial ? "initial" : "final")} status: mark another status as {(status.IsInitial ? "initial" : "final")} first.");

            var source = records.Find(status.Kind);
            var inUse = source is null ? [] : await source.Rows(db).Where(r => r.StatusId == status.Id).Select(r => r.Id).ToListAsync(ct);
            if (inUse.Count > 0)
            {
                if (req.MoveTo is not { } moveTo)
                    throw ApiProblem.Conflict(
                        $"{inUse.Count} {status.Kind.WireName()} record(s) are at '{status.Description}': name a status to move them to (moveTo).",
                        new Dictionary<string, object?> { ["count"] = inUse.Count });
                var target = workflow.FirstOrDefault(s => s.Id == moveTo && s.Id != status.Id)
                             ?? throw ApiProblem.RuleBroken($"moveTo must be another status of the {status.Workflow} workflow; {moveTo} is not.");
                if (target.IsInactive)
                    throw ApiProblem.RuleBroken($"'{target.Description}' is inactive: records cannot move to it.");
                await transitions.ApplyAsync(status.Kind, inUse, _ => _ => StatusTransitions.Decision.Move(target),
                    $"Moved from '{status.Description}', which was deleted.", ct);
            }

            db.SoftDelete(status);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
