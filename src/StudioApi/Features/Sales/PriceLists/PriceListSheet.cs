using System.Globalization;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.PriceLists;

/// <summary>
/// The spreadsheet form of a price list, one row per item, the same for import and export (CSV and XLSX): the columns
/// in order, and how each value is written. Amounts are in major units of the studio's currency (19.99, not 1999), as a
/// person types them; a package names its components by code ("8x10:1; 5x7:2"), a promotion its items by code and its
/// groups by name; yes/no for flags; dates as YYYY-MM-DD.
/// </summary>
public static class PriceListSheet
{
    public const string Code = "code";
    public const string Description = "description";
    public const string Group = "group";
    public const string Type = "type";
    public const string Price = "price";
    public const string Cost = "cost";
    public const string Taxable = "taxable";
    public const string NeedsImage = "needsImage";
    public const string CropAspectRatio = "cropAspectRatio";
    public const string PrintSize = "printSize";
    public const string ProductionType = "productionType";
    public const string AvailableOnline = "availableOnline";
    public const string Components = "components";
    public const string MinPoses = "minPoses";
    public const string MaxPoses = "maxPoses";
    public const string CouponCode = "couponCode";
    public const string DiscountPercent = "discountPercent";
    public const string DiscountAmount = "discountAmount";
    public const string StartsOn = "startsOn";
    public const string EndsOn = "endsOn";
    public const string MinimumOrderAmount = "minimumOrderAmount";
    public const string AppliesToItems = "appliesToItems";
    public const string AppliesToGroups = "appliesToGroups";
    public const string OncePerClient = "oncePerClient";
    public const string MaxUses = "maxUses";

    /// <summary>Every column, in the order an export writes them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Code, Description, Group, Type, Price, Cost, Taxable, NeedsImage, CropAspectRatio, PrintSize, ProductionType, AvailableOnline,
        Components, MinPoses, MaxPoses, CouponCode, DiscountPercent, DiscountAmount, StartsOn, EndsOn, MinimumOrderAmount,
        AppliesToItems, AppliesToGroups, OncePerClient, MaxUses,
    ];

    /// <summary>A heading as a column: any case, spaces, '_', '-' and '.' ignored ("Crop Aspect Ratio" is cropAspectRatio).</summary>
    public static string? ColumnOf(string heading)
    {
        var key = Normalize(heading);
        return Columns.FirstOrDefault(c => Normalize(c) == key);
    }

    static string Normalize(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '.')).ToArray()).ToLowerInvariant();

    /// <summary>Separates the codes of a list cell; a component's quantity follows its code after ':'.</summary>
    public const char ListSeparator = ';';
    public const char QuantitySeparator = ':';

    public static string TypeName(PriceListItemType type) => ItemReferences.Wire(type);

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Money in major units with the currency's decimals: 1999 USD cents is 19.99, 500 yen is 500.</summary>
    public static decimal Amount(Money money, string currency) =>
        decimal.Round(Currency.ToAmount(money, currency), Currency.MinorUnitDigits(currency));

    public static string AmountText(Money money, string currency) =>
        Amount(money, currency).ToString("F" + Currency.MinorUnitDigits(currency), CultureInfo.InvariantCulture);

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell that a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first) gets a leading
    /// apostrophe in a CSV export, as OWASP advises against CSV injection; the import takes it off again.
    /// </summary>
    public static string Defused(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static string Undefused(string text) => text.Length > 1 && text[0] == '\'' && FormulaStarts.Contains(text[1]) ? text[1..] : text;

    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
}
