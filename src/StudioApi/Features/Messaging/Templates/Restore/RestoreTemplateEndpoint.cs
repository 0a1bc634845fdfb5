using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Restore;

public sealed class RestoreTemplateRequest
{
    public long Id { get; set; }
}

public sealed class RestoreTemplateEndpoint(StudioDbContext db) : Endpoint<RestoreTemplateRequest, TemplateResponse>
{
    public override void Configure()
    {
        Post("/templates/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Templates", "Restore", "Bring a template back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreTemplateRequest req, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().IgnoreQueryFilters()
                           .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                       ?? throw ApiProblem.NotFound("deleted template", req.Id);
        db.Restore(template);
        await db.SaveOrConflictAsync("MessageTemplates", "Name", $"Another template is now named {template.Name}; rename it first.", ct);

        HttpContext.WriteETag(template);
        await Send.OkAsync(TemplateResponse.From(template), ct);
    }
}
