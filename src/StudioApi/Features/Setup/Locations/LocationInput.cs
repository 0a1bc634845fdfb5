using FluentValidation;
using StudioApi.Platform.Addresses;

namespace StudioApi.Features.Setup.Locations;

/// <summary>The fields of an outside location a caller sets, shared by create and update.</summary>
public abstract class LocationInput
{
    public string Name { get; set; } = "";
    public PostalAddress? Address { get; set; }
    /// <summary>Directions, parking, whom to ask on site.</summary>
    public string? Notes { get; set; }
    /// <summary>Defaults to true; an inactive location is hidden from pick lists and cannot be booked anew.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(Location location)
    {
        location.Name = Name.Trim();
        location.Address = Address?.Copy() ?? new PostalAddress();
        location.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        location.IsActive = IsActive;
    }
}

public sealed class LocationInputValidator : AbstractValidator<LocationInput>
{
    public LocationInputValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(100);
        RuleFor(l => l.Address!).SetValidator(new PostalAddressValidator()).When(l => l.Address is not null);
        RuleFor(l => l.Notes).MaximumLength(2000);
    }
}
