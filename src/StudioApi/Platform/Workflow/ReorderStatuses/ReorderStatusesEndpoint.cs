using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.ReorderStatuses;

public sealed class ReorderStatusesRequest
{
    public RecordKind Kind { get; set; }

    /// <summary>The type whose list to reorder; omit for the general list.</summary>
    public long? TypeId { get; set; }

    /// <summary>Every live status of the workflow (inactive ones too), each once, in the new order.</summary>
    public List<long> StatusIds { get; set; } = [];
}

public sealed class ReorderStatusesValidator : Validator<ReorderStatusesRequest>
{
    public ReorderStatusesValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.TypeId).GreaterThan(0);
        RuleFor(r => r.StatusIds).NotEmpty().MaxItems(WorkflowLists.MaxStatusesPerWorkflow)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each status once.");
    }
}

public sealed class ReorderStatusesEndpoint(StudioDbContext db) : Endpoint<ReorderStatusesRequest, StatusDefinitionListResponse>
{
    public override void Configure()
    {
        Post("/workflow/statuses/reorder");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Workflow", "ReorderStatuses", "Put a workflow's statuses in a new order"));
    }

    public override async Task HandleAsync(ReorderStatusesRequest req, CancellationToken ct)
    {
        var key = new WorkflowKey(req.Kind, req.TypeId);
        var workflow = await db.InTransactionAsync(async () =>
        {
            var workflow = await WorkflowLists.LoadAsync(db, key, ct);
            var known = workflow.Select(s => s.Id).ToHashSet();
            var missing = known.Except(req.StatusIds).ToList();
            var unknown = req.StatusIds.Where(id => !known.Contains(id)).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
                throw ApiProblem.RuleBroken($"statusIds must name every status of the {key} workflow exactly once.",
                    new Dictionary<string, object?> { ["missing"] = missing, ["unknown"] = unknown });

            var byId = workflow.ToDictionary(s => s.Id);
            for (var i = 0; i < req.StatusIds.Count; i++)
            {
                var order = (i + 1) * 10;
                // Only statuses whose position changed get a new version.
                if (byId[req.StatusIds[i]].Order != order)
                    byId[req.StatusIds[i]].Order = order;
            }
            await db.SaveChangesAsync(ct);
            return workflow.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        }, ct);

        await Send.OkAsync(new StatusDefinitionListResponse
        {
            Kind = req.Kind,
            TypeId = req.TypeId,
            Items = workflow.Select(StatusDefinitionResponse.From).ToList(),
        }, ct);
    }
}
