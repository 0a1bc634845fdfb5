using FluentValidation;

namespace StudioApi.Platform.Addresses;

/// <summary>A postal address: of the studio, an organization, or a client.</summary>
public sealed class PostalAddress
{
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    /// <summary>State, province or county.</summary>
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2 country code, e.g. US.</summary>
    public string? Country { get; set; }

    public PostalAddress Copy() => (PostalAddress)MemberwiseClone();
}

public sealed class PostalAddressValidator : AbstractValidator<PostalAddress>
{
    public PostalAddressValidator()
    {
        RuleFor(a => a.Line1).MaximumLength(200);
        RuleFor(a => a.Line2).MaximumLength(200);
        RuleFor(a => a.City).MaximumLength(100);
        RuleFor(a => a.Region).MaximumLength(100);
        RuleFor(a => a.PostalCode).MaximumLength(20);
        RuleFor(a => a.Country).Length(2).Matches("^[A-Z]{2}$").WithMessage("Country must be an ISO 3166-1 alpha-2 code such as US.")
            .When(a => a.Country is not null);
    }
}
