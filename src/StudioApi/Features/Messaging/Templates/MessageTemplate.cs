using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates;

/// <summary>The seed's two kinds of template.</summary>
public enum TemplateKind
{
    /// <summary>Plain text: e-mails, text messages, letters, job sheets, contracts.</summary>
    FormLetter,
    /// <summary>An HTML e-mail, pasted as made elsewhere (the seed recommends an HTML editor) and kept exactly as given.</summary>
    HtmlEmail,
}

/// <summary>
/// A form letter or HTML e-mail (seed: Maintenance > Form Letters, HTML Emails): Liquid text with merge fields over the
/// record it is written for (<see cref="MergeRecordType"/>), checked against the merge fields when saved, rendered
/// when a message is queued (the rendered text is what the communication keeps).
/// </summary>
public sealed class MessageTemplate : AuditedRecord
{
    public const int NameMaxLength = 100;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 200_000;
    public const int DescriptionMaxLength = 1000;

    public string Name { get; set; } = "";
    public TemplateKind Kind { get; set; }
    public MergeRecordType RecordType { get; set; }
    /// <summary>The e-mail subject (Liquid); an e-mail from a template without one is titled with the template's name.</summary>
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>An inactive template is not offered for new messages; messages already made from it keep their text.</summary>
    public bool IsActive { get; set; } = true;

    public bool IsHtml => Kind == TemplateKind.HtmlEmail;
}

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("MessageTemplates");
        builder.Property(t => t.Name).HasMaxLength(MessageTemplate.NameMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.RecordType).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.SubjectMaxLength);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.BodyMaxLength);
        builder.Property(t => t.Description).HasMaxLength(MessageTemplate.DescriptionMaxLength);
        builder.Ignore(t => t.IsHtml);
        // A name means one live template; one in the recycle bin does not block reusing it.
        builder.HasIndex(t => t.Name).IsUnique().HasFilter("DeletedAt IS NULL");
    }
}
