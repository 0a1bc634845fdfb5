using FluentValidation;

namespace StudioApi.Features.Setup.Relationships;

/// <summary>The fields of a relationship a caller sets, shared by create and update.</summary>
public abstract class RelationshipInput
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive relationship is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(Relationship relationship)
    {
        relationship.Name = Name.Trim();
        relationship.SortOrder = SortOrder;
        relationship.IsActive = IsActive;
    }
}

public sealed class RelationshipInputValidator : AbstractValidator<RelationshipInput>
{
    public RelationshipInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}
