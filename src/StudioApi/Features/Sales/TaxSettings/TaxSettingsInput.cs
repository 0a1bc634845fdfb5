using FluentValidation;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Sales.TaxSettings;

/// <summary>One rate as sent and read: its name on invoices and its percentage.</summary>
public sealed class TaxRateData
{
    /// <summary>As invoices show it: "Sales tax", "GST", "City tax".</summary>
    public string Name { get; set; } = "";
    /// <summary>Percent as an exact decimal string, 0–100 with at most 4 decimals, e.g. "8.25".</summary>
    public Rate? RatePercent { get; set; }
}

/// <summary>The tax settings a caller sets.</summary>
public abstract class TaxSettingsInput
{
    /// <summary>Defaults to false (tax is added on top of prices, as in the US); true for VAT-style prices that include it.</summary>
    public bool TaxIncludedInPrices { get; set; }
    /// <summary>Defaults to true.</summary>
    public bool DigitalItemsTaxable { get; set; } = true;
    /// <summary>Defaults to false.</summary>
    public bool ShippingTaxable { get; set; }
    /// <summary>Up to 5 rates, each name once; every rate applies to each taxed line. Omit or send none for no tax.</summary>
    public List<TaxRateData>? Rates { get; set; }

    public void ApplyTo(SalesTaxSettings settings)
    {
        settings.TaxIncludedInPrices = TaxIncludedInPrices;
        settings.DigitalItemsTaxable = DigitalItemsTaxable;
        settings.ShippingTaxable = ShippingTaxable;
        var rates = (Rates ?? []).Select((r, i) => new TaxRate { Name = r.Name.Trim(), RatePercent = r.RatePercent!.Value, Position = i }).ToList();
        // Replaced only when they differ, so saving the same settings again does not count as a change.
        if (!rates.Select(r => (r.Name, r.RatePercent.Value)).SequenceEqual(settings.Rates.OrderBy(r => r.Position).Select(r => (r.Name, r.RatePercent.Value))))
            settings.Rates = rates;
    }
}

public sealed class TaxSettingsInputValidator : AbstractValidator<TaxSettingsInput>
{
    public const int RateNameLength = 60;

    public TaxSettingsInputValidator()
    {
        RuleFor(s => s.Rates).MaxItems(SalesTaxSettings.MaxRates)
            .Must(r => r is null || r.Select(x => (x.Name ?? "").Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == r.Count)
            .WithMessage("Give each rate a name of its own.");
        RuleForEach(s => s.Rates).ChildRules(rate =>
        {
            rate.RuleFor(r => r.Name).NotEmpty().MaximumLength(RateNameLength);
            rate.RuleFor(r => r.RatePercent).NotNull();
            rate.RuleFor(r => r.RatePercent!.Value).Must(r => r.Value is >= 0m and <= 100m && r.Scale <= 4)
                .OverridePropertyName("ratePercent").When(r => r.RatePercent is not null)
                .WithMessage("A tax rate is a percentage from 0 to 100 with at most 4 decimals, such as \"8.25\".");
        });
    }
}
