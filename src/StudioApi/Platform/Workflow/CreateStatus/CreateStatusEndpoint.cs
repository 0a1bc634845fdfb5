using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.CreateStatus;

public sealed class CreateStatusRequest : StatusDefinitionInput
{
    public RecordKind Kind { get; set; }

    /// <summary>The type whose list gets the status (when the kind keeps statuses by type); omit for the general list.</summary>
    public long? TypeId { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateStatusValidator : Validator<CreateStatusRequest>
{
    public CreateStatusValidator()
    {
        Include(new StatusDefinitionInputValidator());
        RuleFor(s => s.Kind).IsInEnum();
        RuleFor(s => s.TypeId).GreaterThan(0);
    }
}

public sealed class CreateStatusEndpoint(StudioDbContext db) : Endpoint<CreateStatusRequest, StatusDefinitionResponse>
{
    public override void Configure()
    {
        Post("/workflow/statuses");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Workflow", "CreateStatus",
            "Add a status to a workflow",
            "The first status of a workflow is its initial and final status.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateStatusRequest req, CancellationToken ct)
    {
        foreach (var error in req.KindErrors(req.Kind))
            AddError(error);
        ThrowIfAnyErrors();
        await WorkflowLists.EnsureTypeListAllowedAsync(db, req.Kind, req.TypeId, ct);

        var key = new WorkflowKey(req.Kind, req.TypeId);
        var status = new StatusDefinition { Kind = req.Kind, TypeId = req.TypeId };
        await db.InTransactionAsync(async () =>
        {
            var workflow = await WorkflowLists.LoadAsync(db, key, ct);
            if (workflow.Count >= WorkflowLists.MaxStatusesPerWorkflow)
                throw ApiProblem.RuleBroken($"A workflow holds at most {WorkflowLists.MaxStatusesPerWorkflow} statuses.");
            WorkflowLists.EnsureDescriptionFree(workflow, req.Description, key);
            WorkflowLists.EnsureLabEventFree(workflow, req.LabEvent, key);
            req.ApplyTo(status);
            status.Order = req.Order ?? (workflow.Count == 0 ? 10 : workflow.Max(s => s.Order) + 10);
            workflow.Add(status);
            WorkflowLists.SettleMarks(workflow, status, wasInitial: false, wasFinal: false);
            db.StatusDefinitions.Add(status);
            await WorkflowLists.SaveAsync(db, status, ct);
            return true;
        }, ct);

        HttpContext.WriteETag(status);
        await Send.CreatedAtAsync("Workflow_GetStatus", new { id = status.Id }, StatusDefinitionResponse.From(status), cancellation: ct);
    }
}
