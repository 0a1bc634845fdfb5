using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Messaging.Templates;

public static class TemplateRendering
{
    /// <summary>
    /// The template's subject and body for one record's model. The subject is always plain text (an e-mail header), the
    /// body HTML-encoded for an HTML e-mail. A template that cannot be rendered is a 422 with the reason.
    /// </summary>
    public static (string Subject, string Body) Render(MessageTemplate template, MergeModel model)
    {
        try
        {
            var subject = template.Subject is { } s ? TemplateEngine.Render(s, model, html: false).Trim() : template.Name;
            // Headers are one line: a merged value with a line break must not split the subject.
            subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return (subject.Length > 0 ? subject : template.Name, TemplateEngine.Render(template.Body, model, template.IsHtml));
        }
        catch (TemplateRenderException e)
        {
            throw ApiProblem.RuleBroken($"Template {template.Name} could not be rendered: {e.Message}");
        }
    }
}
