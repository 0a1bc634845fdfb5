using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Preview;

public sealed class PreviewTemplateRequest
{
    public long Id { get; set; }
    /// <summary>The client (client templates) or session (session templates) to render for; omit for made-up sample data.</summary>
    public long? RecordId { get; set; }
}

public sealed class PreviewTemplateValidator : Validator<PreviewTemplateRequest>
{
    public PreviewTemplateValidator()
    {
        RuleFor(r => r.RecordId).GreaterThan(0);
    }
}

/// <summary>What a template renders to.</summary>
public sealed class TemplatePreviewResponse
{
    public required long TemplateId { get; init; }
    public required MergeRecordType RecordType { get; init; }
    /// <summary>The record rendered for; null for sample data.</summary>
    public long? RecordId { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    /// <summary>text or html.</summary>
    public required string Format { get; init; }
}

public sealed class PreviewTemplateEndpoint(StudioDbContext db, MergeDataReader merge) : Endpoint<PreviewTemplateRequest, TemplatePreviewResponse>
{
    public override void Configure()
    {
        Post("/templates/{id}/preview");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The template could not be rendered (it ran too long or grew too large).")
            .Operation("Templates", "Preview", "Render a template for a record",
                "Renders the subject and body for the chosen client or session (recordId, by the template's record type), "
                + "or for made-up sample data. Changes nothing and sends nothing."));
    }

    public override async Task HandleAsync(PreviewTemplateRequest req, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("template", req.Id);
        MergeModel model;
        if (req.RecordId is { } recordId)
        {
            var found = await merge.ForAsync(template.RecordType, recordId, ct);
            if (found is null)
                ThrowError(r => r.RecordId, $"There is no {template.RecordType.ToString().ToLowerInvariant()} {recordId}.");
            model = found;
        }
        else
            model = await merge.SampleAsync(template.RecordType, ct);

        var (subject, body) = TemplateRendering.Render(template, model);
        await Send.OkAsync(new TemplatePreviewResponse
        {
            TemplateId = template.Id,
            RecordType = template.RecordType,
            RecordId = req.RecordId,
            Subject = subject,
            Body = body,
            Format = template.IsHtml ? "html" : "text",
        }, ct);
    }
}
