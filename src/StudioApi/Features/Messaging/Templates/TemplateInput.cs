using FluentValidation;
using StudioApi.Features.Messaging.Merging;

namespace StudioApi.Features.Messaging.Templates;

/// <summary>The fields of a template a caller sets, shared by create and update (a full replace).</summary>
public abstract class TemplateInput
{
    public string Name { get; set; } = "";
    /// <summary>formLetter (plain text: e-mail, SMS, letter) or htmlEmail.</summary>
    public TemplateKind Kind { get; set; }
    /// <summary>The record the template is written for, which decides its merge fields: client or session.</summary>
    public MergeRecordType RecordType { get; set; }
    /// <summary>The e-mail subject, Liquid like the body; omit to title e-mails with the template's name.</summary>
    public string? Subject { get; set; }
    /// <summary>Liquid text with merge fields ({{ client.firstName }}, see Templates_ListMergeFields); an HTML e-mail is kept exactly as given.</summary>
    public string Body { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Defaults to true; an inactive template is not offered for new messages.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(MessageTemplate template)
    {
        template.Name = Name.Trim();
        template.Kind = Kind;
        template.RecordType = RecordType;
        template.Subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim();
        template.Body = Body; // as given: pasted HTML keeps every byte
        template.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        template.IsActive = IsActive;
    }
}

public sealed class TemplateInputValidator : AbstractValidator<TemplateInput>
{
    public TemplateInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(MessageTemplate.NameMaxLength);
        RuleFor(t => t.Kind).IsInEnum();
        RuleFor(t => t.RecordType).IsInEnum();
        RuleFor(t => t.Subject).MaximumLength(MessageTemplate.SubjectMaxLength);
        RuleFor(t => t.Body).NotEmpty().MaximumLength(MessageTemplate.BodyMaxLength);
        RuleFor(t => t.Description).MaximumLength(MessageTemplate.DescriptionMaxLength);
        // Merge fields are checked at save time: a template that names a field the record does not have is refused,
        // with the field named, rather than sent with a hole in it.
        RuleFor(t => t.Subject).Custom((subject, context) => Check(subject, "subject", context))
            .When(t => Enum.IsDefined(t.RecordType) && t.Subject is { Length: <= MessageTemplate.SubjectMaxLength });
        RuleFor(t => t.Body).Custom((body, context) => Check(body, "body", context))
            .When(t => Enum.IsDefined(t.RecordType) && t.Body is { Length: > 0 and <= MessageTemplate.BodyMaxLength });
    }

    static void Check(string? text, string field, ValidationContext<TemplateInput> context)
    {
        if (string.IsNullOrEmpty(text))
            return;
        // One error per field, naming every problem (a problem response keeps one error per field name).
        var problems = TemplateEngine.Check(text, context.InstanceToValidate.RecordType);
        if (problems.Count > 0)
            context.AddFailure(field, string.Join(" ", problems.Select(p => p.Message)));
    }
}
