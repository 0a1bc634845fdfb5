using FluentValidation;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Clients.Organizations;

/// <summary>The fields of an organization a caller sets, shared by create and update.</summary>
public abstract class OrganizationInput
{
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public PostalAddress? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    public List<OrganizationContact>? Contacts { get; set; }
    public YearbookImageSpec? YearbookImageSpec { get; set; }
    public OrganizationYearbook? Yearbook { get; set; }

    public void ApplyTo(Organization organization)
    {
        organization.Name = Name.Trim();
        organization.Code = Code.Trim();
        organization.Address = Address?.Copy() ?? new PostalAddress();
        organization.Phone = Phone;
        organization.Email = Email;
        organization.Website = Website;
        organization.Notes = Notes;
        organization.Contacts = (Contacts ?? []).Select(c => new OrganizationContact
            { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email }).ToList();
        organization.YearbookImageSpec = YearbookImageSpec is { } spec
            ? new YearbookImageSpec { WidthPx = spec.WidthPx, HeightPx = spec.HeightPx, Dpi = spec.Dpi, FileNamePattern = spec.FileNamePattern }
            : new YearbookImageSpec();
        organization.Yearbook = new OrganizationYearbook
        {
            SelectionDeadline = Yearbook?.SelectionDeadline,
            StatusOnSelection = string.IsNullOrWhiteSpace(Yearbook?.StatusOnSelection) ? null : Yearbook.StatusOnSelection.Trim(),
        };
    }
}

public sealed class OrganizationInputValidator : AbstractValidator<OrganizationInput>
{
    public OrganizationInputValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200);
        RuleFor(o => o.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("Code may hold letters, digits, '.', '_' and '-' only.");
        RuleFor(o => o.Address!).SetValidator(new PostalAddressValidator()).When(o => o.Address is not null);
        RuleFor(o => o.Phone).MaximumLength(40);
        RuleFor(o => o.Email).EmailAddress().MaximumLength(320);
        RuleFor(o => o.Website).MaximumLength(400);
        RuleFor(o => o.Notes).MaximumLength(4000);
        RuleFor(o => o.Contacts).MaxItems(50).WithMessage("At most 50 contacts.");
        RuleForEach(o => o.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            contact.RuleFor(c => c.Role).MaximumLength(100);
            contact.RuleFor(c => c.Phone).MaximumLength(40);
            contact.RuleFor(c => c.Email).EmailAddress().MaximumLength(320);
        });
        RuleFor(o => o.YearbookImageSpec!).ChildRules(spec =>
        {
            spec.RuleFor(s => s.WidthPx).InclusiveBetween(16, 20000);
            spec.RuleFor(s => s.HeightPx).InclusiveBetween(16, 20000);
            spec.RuleFor(s => s.Dpi).InclusiveBetween(72, 1200);
            spec.RuleFor(s => s.FileNamePattern).NotEmpty().MaximumLength(200);
        }).When(o => o.YearbookImageSpec is not null);
        RuleFor(o => o.Yearbook!.StatusOnSelection).MaximumLength(100).When(o => o.Yearbook is not null);
    }
}
