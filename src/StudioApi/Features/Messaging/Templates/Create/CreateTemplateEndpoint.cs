using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Create;

public sealed class CreateTemplateRequest : TemplateInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateTemplateValidator : Validator<CreateTemplateRequest>
{
    public CreateTemplateValidator() => Include(new TemplateInputValidator());
}

public sealed class CreateTemplateEndpoint(StudioDbContext db) : Endpoint<CreateTemplateRequest, TemplateResponse>
{
    public override void Configure()
    {
        Post("/templates");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Templates", "Create", "Create a form letter or HTML e-mail",
            "The subject and body are Liquid with merge fields of the template's record type; a field the record type "
            + "does not have, an unknown filter or a syntax error is a 400 naming it (errors[].name is subject or body).")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateTemplateRequest req, CancellationToken ct)
    {
        var template = new MessageTemplate();
        req.ApplyTo(template);
        db.Set<MessageTemplate>().Add(template);
        await db.SaveOrConflictAsync("MessageTemplates", "Name", $"A template named {template.Name} already exists.", ct);

        HttpContext.WriteETag(template);
        await Send.CreatedAtAsync("Templates_Get", new { id = template.Id }, TemplateResponse.From(template), cancellation: ct);
    }
}
