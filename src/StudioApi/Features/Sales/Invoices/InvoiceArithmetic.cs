using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>One line as the arithmetic sees it: its gross amount, the discount asked on it, whether it is taxed.</summary>
/// <param name="Gross">Unit price × quantity, exact.</param>
/// <param name="DiscountPercent">A percentage off the line, or null.</param>
/// <param name="DiscountAmount">An amount off the line (at most its gross), or null.</param>
/// <param name="Taxed">Tax applies to the line (the item is taxable, and digital items and shipping only when the settings tax them).</param>
/// <param name="ExactDiscount">
/// The line's whole discount as an exact amount instead (a credit memo credits its share of the credited line's
/// discount: discount × quantity credited / quantity sold); promotions do not apply on top.
/// </param>
public sealed record PricedLine(Money Gross, Rate? DiscountPercent, Money? DiscountAmount, bool Taxed, decimal? ExactDiscount = null);

/// <summary>A promotion applied to an invoice: a percentage or an amount off the lines it applies to (by index).</summary>
public sealed record PricedPromotion(Rate? Percent, Money? Amount, IReadOnlyList<int> Lines);

/// <summary>What each line comes to, rounded.</summary>
public sealed record LineAmounts(Money Gross, Money Discount, Money Net, Money Tax, Money Total);

/// <summary>The invoice's amounts: each line's, each tax rate's, each promotion's, and the totals.</summary>
public sealed record InvoiceAmounts(
    IReadOnlyList<LineAmounts> Lines, IReadOnlyList<Money> TaxByRate, IReadOnlyList<Money> DiscountByPromotion,
    Money Subtotal, Money DiscountTotal, Money TaxTotal, Money Total);

/// <summary>
/// How an invoice's amounts are computed, the one place the rounding happens. Amounts are integer minor units; what a
/// rate makes of them is kept exact (decimal) until it is rounded, once, to a minor unit, halves away from zero:
/// <list type="number">
/// <item>Each line's gross is unit price × quantity (exact).</item>
/// <item>Its discount, exact: the line's own discount (a percentage of the gross, or an amount up to the gross), then
/// each promotion in turn (a percentage of what is left of the line, or the promotion's amount shared among its lines in
/// proportion to what is left of each), never more than the gross.</item>
/// <item>The discount total is the exact discounts' sum rounded once; it is shared out to the lines by largest
/// remainder (each line gets its exact discount rounded down or up, the units left over going to the largest
/// fractions, earlier lines first on a tie), so the lines' discounts add up to the total. A line's net is its gross less
/// its discount.</item>
/// <item>Tax, rate by rate: each taxed line's net × rate (tax added on top), or the part of the net that is tax
/// (net × rate / (100 + all rates), prices that include tax); the rate's total is the exact sum rounded once, shared out
/// to the lines the same way.</item>
/// <item>A line's total is its net, plus its tax when tax is added on top. Subtotal, discount, tax and total are the sums
/// of the lines' amounts, so the lines always add up to the totals and each total is within half a minor unit (per
/// rate, for tax) of the exact figure: rounding happens once per line and once per total, never on a rounded sum.</item>
/// </list>
/// A promotion's own figure (what the coupon took off) is its exact share rounded once, for display: the line discounts
/// are what the totals add.
/// </summary>
public static class InvoiceArithmetic
{
    public static InvoiceAmounts Compute(IReadOnlyList<PricedLine> lines, IReadOnlyList<PricedPromotion> promotions,
        IReadOnlyList<Rate> taxRates, bool taxIncludedInPrices)
    {
        var count = lines.Count;
        var exactDiscount = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            var gross = (decimal)lines[i].Gross.MinorUnits;
            exactDiscount[i] = lines[i] switch
            {
                { ExactDiscount: { } exact } => Math.Clamp(exact, 0m, gross),
                { DiscountPercent: { } percent } => gross * percent.Value / 100m,
                { DiscountAmount: { } amount } => Math.Min(amount.MinorUnits, gross),
                _ => 0m,
            };
        }

        var promotionExact = new decimal[promotions.Count];
        for (var p = 0; p < promotions.Count; p++)
        {
            var promotion = promotions[p];
            var applies = promotion.Lines.Where(i => i >= 0 && i < count).Distinct().ToList();
            var left = applies.ToDictionary(i => i, i => Math.Max(0m, lines[i].Gross.MinorUnits - exactDiscount[i]));
            var leftTotal = left.Values.Sum();
            if (leftTotal <= 0m)
                continue;
            foreach (var i in applies)
            {
                var share = promotion switch
                {
                    { Percent: { } percent } => left[i] * percent.Value / 100m,
                    { Amount: { } amount } => Math.Min(amount.MinorUnits, leftTotal) * (left[i] / leftTotal),
                    _ => 0m,
                };
                share = Math.Min(share, left[i]);
                exactDiscount[i] += share;
                promotionExact[p] += share;
            }
        }

        var discounts = Share(exactDiscount, Round(exactDiscount.Sum()));
        var nets = new long[count];
        for (var i = 0; i < count; i++)
            nets[i] = lines[i].Gross.MinorUnits - discounts[i];

        var ratesTotal = taxRates.Sum(r => r.Value);
        var lineTax = new long[count];
        var taxByRate = new List<Money>(taxRates.Count);
        foreach (var rate in taxRates)
        {
            var exact = new decimal[count];
            for (var i = 0; i < count; i++)
                if (lines[i].Taxed)
                    exact[i] = taxIncludedInPrices
                        ? nets[i] * rate.Value / (100m + ratesTotal)
                        : nets[i] * rate.Value / 100m;
            var rateTotal = Round(exact.Sum());
            var shares = Share(exact, rateTotal);
            for (var i = 0; i < count; i++)
                lineTax[i] += shares[i];
            taxByRate.Add(new Money(rateTotal));
        }

        var amounts = new List<LineAmounts>(count);
        for (var i = 0; i < count; i++)
        {
            var total = taxIncludedInPrices ? nets[i] : nets[i] + lineTax[i];
            amounts.Add(new LineAmounts(lines[i].Gross, new Money(discounts[i]), new Money(nets[i]), new Money(lineTax[i]), new Money(total)));
        }
        return new InvoiceAmounts(
            amounts,
            taxByRate,
            promotionExact.Select(e => new Money(Round(e))).ToList(),
            Money.Sum(amounts.Select(a => a.Gross)),
            Money.Sum(amounts.Select(a => a.Discount)),
            Money.Sum(amounts.Select(a => a.Tax)),
            Money.Sum(amounts.Select(a => a.Total)));
    }

    /// <summary>Rounds an exact amount to a minor unit, halves away from zero.</summary>
    public static long Round(decimal exact) => (long)Math.Round(exact, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Shares <paramref name="total"/> out to the parts in proportion to their exact values: each part rounded toward
    /// zero, then one more unit to the parts with the largest fractions (the earliest first on a tie) until the shares
    /// add up to the total. With the total the rounded sum of the exact values, each share is its exact value rounded
    /// down or up.
    /// </summary>
    public static long[] Share(IReadOnlyList<decimal> exact, long total)
    {
        var shares = new long[exact.Count];
        for (var i = 0; i < exact.Count; i++)
            shares[i] = (long)decimal.Truncate(exact[i]);
        var left = total - shares.Sum();
        var step = Math.Sign(left);
        var order = Enumerable.Range(0, exact.Count)
            .OrderByDescending(i => step * (exact[i] - decimal.Truncate(exact[i])))
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; left != 0 && order.Count > 0; k = (k + 1) % order.Count)
        {
            shares[order[k]] += step;
            left -= step;
        }
        return shares;
    }
}
