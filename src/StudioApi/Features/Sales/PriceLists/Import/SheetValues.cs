using System.Globalization;
using System.Text.RegularExpressions;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.PriceLists.Import;

/// <summary>
/// A cell's value as the item field it stands for. CSV cells are text; XLSX cells may be numbers, booleans or dates as
/// the workbook stores them. Each parser answers the value, or why the cell is refused in words for the person who
/// typed it. A blank cell is no value (null).
/// </summary>
public static partial class SheetValues
{
    public static string? Text(object? raw) => raw switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => PriceListSheet.YesNo(b),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(raw, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? text : null,
    };

    public static (bool? Value, string? Error) YesNo(object? raw)
    {
        if (raw is bool b)
            return (b, null);
        if (raw is double d && d is 0 or 1)
            return (d == 1, null);
        return Text(raw)?.ToLowerInvariant() switch
        {
            null => (null, null),
            "yes" or "y" or "true" or "1" or "x" => (true, null),
            "no" or "n" or "false" or "0" => (false, null),
            var other => (null, $"'{other}' is not yes or no."),
        };
    }

    public static (int? Value, string? Error) WholeNumber(object? raw)
    {
        if (raw is double d)
            return d % 1 == 0 && d is >= int.MinValue and <= int.MaxValue ? ((int)d, null) : (null, $"{d.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
        var text = Text(raw);
        if (text is null)
            return (null, null);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"'{text}' is not a whole number.");
    }

    /// <summary>An amount in major units of the currency (19.99), with at most the currency's decimals.</summary>
    public static (Money? Value, string? Error) Amount(object? raw, string currency)
    {
        decimal value;
        if (raw is double d)
        {
            if (double.IsNaN(d) || Math.Abs(d) > 1e15)
                return (null, "The amount is out of range.");
            value = (decimal)d;
        }
        else
        {
            var text = Text(raw);
            if (text is null)
                return (null, null);
            if (ParseAmountText(text, currency) is not { } parsed)
                return (null, $"'{text}' is not an amount: write it like 19.99, in {currency}.");
            value = parsed;
        }
        if (value < 0)
            return (null, "An amount cannot be negative.");
        var digits = Currency.MinorUnitDigits(currency);
        if (decimal.Round(value, digits) != value)
            return (null, $"{value.ToString(CultureInfo.InvariantCulture)} has more decimals than {currency} has ({digits}).");
        if (value > 1_000_000_000_000m)
            return (null, "The amount is out of range.");
        return (Currency.ToMoney(value, currency), null);
    }

    /// <summary>19.99, 1,234.50, 1234,5 (a decimal comma), with a currency sign or code before or after.</summary>
    static decimal? ParseAmountText(string text, string currency)
    {
        var bare = text.Replace(currency, "", StringComparison.OrdinalIgnoreCase).Trim().Trim('$', '€', '£', '¥', '₹').Trim();
        if (ThousandsAmount().IsMatch(bare))
            bare = bare.Replace(",", "");
        else if (DecimalCommaAmount().IsMatch(bare))
            bare = bare.Replace(',', '.');
        return PlainAmount().IsMatch(bare) && decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsAmount();

    [GeneratedRegex(@"^-?\d+,\d{1,2}$")]
    private static partial Regex DecimalCommaAmount();

    [GeneratedRegex(@"^-?\d{1,15}(\.\d{1,10})?$")]
    private static partial Regex PlainAmount();

    /// <summary>A percentage: 10, 12.5 or 10%.</summary>
    public static (Rate? Value, string? Error) Percent(object? raw)
    {
        if (raw is double d)
            return Math.Abs(d) < 1e15 ? (new Rate(decimal.Round((decimal)d, 10)), null) : (null, "The percentage is out of range.");
        var text = Text(raw);
        if (text is null)
            return (null, null);
        var bare = text.TrimEnd('%').Trim();
        return Rate.TryParse(bare, out var rate) ? (rate, null) : (null, $"'{text}' is not a percentage: write it like 10 or 12.5.");
    }

    public static (DateOnly? Value, string? Error) Date(object? raw)
    {
        if (raw is DateTime t)
            return (DateOnly.FromDateTime(t), null);
        var text = Text(raw);
        if (text is null)
            return (null, null);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"'{text}' is not a date: write it as YYYY-MM-DD.");
    }

    public static (PriceListItemType? Value, string? Error) Type(object? raw)
    {
        var text = Text(raw);
        if (text is null)
            return (null, null);
        var key = new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        foreach (var type in Enum.GetValues<PriceListItemType>())
            if (type.ToString().Equals(key, StringComparison.OrdinalIgnoreCase))
                return (type, null);
        return key == "promotion" ? (PriceListItemType.Promotional, null)
            : (null, $"'{text}' is not an item type: use standard, package, promotional, sessionFee, digital or shipping.");
    }

    /// <summary>Codes or names separated by ';' (or ','), each trimmed, blanks dropped.</summary>
    public static List<string> Names(object? raw) =>
        (Text(raw) ?? "").Split([PriceListSheet.ListSeparator, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>A package's components: "8x10:1; 5x7:2" (a quantity of 1 may be left out).</summary>
    public static (List<(string Code, int Quantity)> Value, string? Error) Components(object? raw)
    {
        var components = new List<(string, int)>();
        foreach (var part in (Text(raw) ?? "").Split(PriceListSheet.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(PriceListSheet.QuantitySeparator, StringSplitOptions.TrimEntries);
            if (pieces.Length > 2 || pieces[0].Length == 0)
                return ([], $"'{part}' is not code:quantity (such as 8x10:2).");
            var quantity = 1;
            if (pieces.Length == 2 && !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out quantity))
                return ([], $"'{pieces[1]}' in '{part}' is not a whole quantity.");
            components.Add((pieces[0], quantity));
        }
        return (components, null);
    }
}
