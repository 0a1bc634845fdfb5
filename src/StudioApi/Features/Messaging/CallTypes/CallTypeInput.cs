using FluentValidation;

namespace StudioApi.Features.Messaging.CallTypes;

/// <summary>The fields of a call type a caller sets, shared by create and update.</summary>
public abstract class CallTypeInput
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive type is hidden from pick lists and not offered for new calls, but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(CallType callType)
    {
        callType.Name = Name.Trim();
        callType.SortOrder = SortOrder;
        callType.IsActive = IsActive;
    }
}

public sealed class CallTypeInputValidator : AbstractValidator<CallTypeInput>
{
    public CallTypeInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}
