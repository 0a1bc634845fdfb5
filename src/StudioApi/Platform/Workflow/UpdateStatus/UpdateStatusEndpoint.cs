using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.UpdateStatus;

public sealed class UpdateStatusRequest : StatusDefinitionInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateStatusValidator : Validator<UpdateStatusRequest>
{
    public UpdateStatusValidator() => Include(new StatusDefinitionInputValidator());
}

public sealed class UpdateStatusEndpoint(StudioDbContext db) : Endpoint<UpdateStatusRequest, StatusDefinitionResponse>
{
    public override void Configure()
    {
        Put("/workflow/statuses/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Workflow", "UpdateStatus",
            "Replace a status's fields",
            "Marking it initial or final moves the mark."));
    }

    public override async Task HandleAsync(UpdateStatusRequest req, CancellationToken ct)
    {
        var status = await db.StatusDefinitions.SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("status", req.Id);
        db.MatchVersion(status, req.IfMatch);
        foreach (var error in req.KindErrors(status.Kind))
            AddError(error);
        ThrowIfAnyErrors();

        await db.InTransactionAsync(async () =>
        {
            var workflow = await WorkflowLists.LoadAsync(db, status.Workflow, ct);
            WorkflowLists.EnsureDescriptionFree(workflow.Where(s => s.Id != status.Id), req.Description, status.Workflow);
            WorkflowLists.EnsureLabEventFree(workflow.Where(s => s.Id != status.Id), req.LabEvent, status.Workflow);
            var (wasInitial, wasFinal) = (status.IsInitial, status.IsFinal);
            req.ApplyTo(status);
            WorkflowLists.SettleMarks(workflow, status, wasInitial, wasFinal);
            await WorkflowLists.SaveAsync(db, status, ct);
            return true;
        }, ct);

        HttpContext.WriteETag(status);
        await Send.OkAsync(StatusDefinitionResponse.From(status), ct);
    }
}
