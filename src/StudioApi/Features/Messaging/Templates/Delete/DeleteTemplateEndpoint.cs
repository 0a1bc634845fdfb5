using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Delete;

public sealed class DeleteTemplateRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteTemplateEndpoint(StudioDbContext db, TemplateUses uses) : Endpoint<DeleteTemplateRequest>
{
    public override void Configure()
    {
        Delete("/templates/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live triggers send this template (their ids in triggerIds).")
            .Operation("Templates", "Delete", "Move a template to the recycle bin",
                "Refused while live triggers send it. Messages made from it keep their text."));
    }

    public override async Task HandleAsync(DeleteTemplateRequest req, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("template", req.Id);
        db.MatchVersion(template, req.IfMatch);
        var triggers = await uses.TriggersSendingAsync(template.Id, ct);
        if (triggers.Count > 0)
            throw ApiProblem.Conflict(
                $"{triggers.Count} trigger(s) send template {template.Name}; change their actions first, or make the template inactive instead.",
                new Dictionary<string, object?> { ["triggerIds"] = triggers });
        db.SoftDelete(template);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
