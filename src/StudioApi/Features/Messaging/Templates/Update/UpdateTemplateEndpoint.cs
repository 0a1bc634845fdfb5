using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Update;

public sealed class UpdateTemplateRequest : TemplateInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateTemplateValidator : Validator<UpdateTemplateRequest>
{
    public UpdateTemplateValidator() => Include(new TemplateInputValidator());
}

public sealed class UpdateTemplateEndpoint(StudioDbContext db) : Endpoint<UpdateTemplateRequest, TemplateResponse>
{
    public override void Configure()
    {
        Put("/templates/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Templates", "Update", "Replace a template's fields",
            "Checked like a new template. Messages already queued keep the text they were rendered with."));
    }

    public override async Task HandleAsync(UpdateTemplateRequest req, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("template", req.Id);
        db.MatchVersion(template, req.IfMatch);
        req.ApplyTo(template);
        await db.SaveOrConflictAsync("MessageTemplates", "Name", $"A template named {template.Name} already exists.", ct);

        HttpContext.WriteETag(template);
        await Send.OkAsync(TemplateResponse.From(template), ct);
    }
}
