using System.Globalization;
using System.Numerics;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.PriceListItems;

/// <summary>The limits of an item's fields, shared by the API, the columns and the spreadsheet import.</summary>
public static class ItemLimits
{
    public const int CodeLength = 40;
    public const int DescriptionLength = 200;
    public const int AspectRatioLength = 20;
    public const int CouponCodeLength = 40;
    public const int MaxComponents = 50;
    public const int MaxComponentQuantity = 999;
    public const int MaxPoses = 100;
    public const int MaxPromotionTargets = 500;
    public const int MaxUses = 1_000_000;

    /// <summary>A letter or digit, then letters, digits and . _ / - (no spaces, commas, colons or semicolons: the spreadsheet separates codes with those).</summary>
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$";
    public const string CouponCodePattern = "^[A-Za-z0-9][A-Za-z0-9_-]*$";
}

/// <summary>What an amount of a price list may be.</summary>
public static class PriceRules
{
    /// <summary>The largest price or cost: a hundred million in a two-decimal currency, far beyond any studio's product.</summary>
    public const long MaxMinorUnits = 10_000_000_000;

    public const string PriceMessage = "An amount is a whole number of minor units of the studio's currency, from 0 to 10000000000.";

    public static bool IsPrice(Money amount) => amount.MinorUnits is >= 0 and <= MaxMinorUnits;
}

/// <summary>
/// A print's shape as a reduced width:height ratio: 8x10 and 8:10 are 4:5, 2.5x3.5 (a wallet) is 5:7. Written the way
/// proofing crops name their ratio, so a sold print's crop can be checked against its item.
/// </summary>
public static class AspectRatio
{
    /// <summary>The reduced ratio, or null when the text is not two positive numbers around ':' or 'x' (at most 3 decimals each).</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Trim().ToLowerInvariant().Replace('×', 'x').Split(':', 'x');
        if (parts.Length != 2 || !TryParse(parts[0], out var width) || !TryParse(parts[1], out var height))
            return null;
        // Whole numbers first: 2.5x3.5 → 25:35, then reduced → 5:7.
        var scale = 1m;
        while ((width * scale) % 1 != 0 || (height * scale) % 1 != 0)
            scale *= 10;
        var w = new BigInteger(width * scale);
        var h = new BigInteger(height * scale);
        var divisor = BigInteger.GreatestCommonDivisor(w, h);
        return $"{w / divisor}:{h / divisor}";
    }

    static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && value is > 0 and < 100_000 && value.Scale <= 3;
}

/// <summary>A print's size in inches, width x height: "8x10", "2.5x3.5" (a wallet), "10x8" for landscape.</summary>
public static class PrintSizes
{
    /// <summary>Width and height in inches, or null when the text is not two numbers from 0.5 to 100 around 'x' (at most 3 decimals each).</summary>
    public static (decimal Width, decimal Height)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Trim().ToLowerInvariant().Replace('×', 'x').Split('x');
        if (parts.Length != 2 || !TryParse(parts[0], out var width) || !TryParse(parts[1], out var height))
            return null;
        return (width, height);
    }

    public static string Format((decimal Width, decimal Height) size) =>
        string.Create(CultureInfo.InvariantCulture, $"{size.Width.Normalize()}x{size.Height.Normalize()}");

    static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;

    static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && value is >= 0.5m and <= 100 && value.Scale <= 3;
}
