using CsCheck;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;

namespace StudioApi.Tests.Features.Sales.Invoices;

/// <summary>
/// The invoice's arithmetic as property tests: for any lines, discounts, coupons and tax rates, the lines add up to the
/// totals, every amount is rounded once (each total within half a minor unit of the exact figure, each line's share
/// rounded down or up from its exact one), nothing is discounted below zero, and tax included in prices is part of them.
/// </summary>
public sealed class InvoiceArithmeticTests
{
    /// <summary>Half a minor unit, and the last digits of a 28-digit decimal that divides by a share of a total.</summary>
    const decimal Half = 0.5m + 1e-12m;

    static readonly Gen<Rate> Percentages = Gen.Int[1, 1_000_000].Select(r => new Rate(r / 10_000m)); // (0, 100] with 4 decimals

    static readonly Gen<PricedLine> Lines =
        Gen.Select(Gen.Long[0, 5_000_000], Gen.Int[1, 50], Gen.Int[0, 3], Percentages, Gen.Long[1, 5_000_000], Gen.Bool)
            .Select((price, quantity, discountKind, percent, amount, taxed) =>
            {
                var gross = new Money(price * quantity);
                return discountKind switch
                {
                    1 => new PricedLine(gross, percent, null, taxed),
                    2 => new PricedLine(gross, null, new Money(Math.Min(amount, gross.MinorUnits)), taxed),
                    _ => new PricedLine(gross, null, null, taxed),
                };
            });

    static readonly Gen<(List<PricedLine> Lines, List<PricedPromotion> Promotions, List<Rate> Rates, bool Included)> Invoices =
        Lines.List[1, 40].SelectMany(lines => Gen.Select(
            Gen.Select(Gen.Bool, Percentages, Gen.Long[1, 10_000_000], Gen.Int[0, lines.Count - 1].Array[1, lines.Count])
                .Select((byPercent, percent, amount, applies) => new PricedPromotion(byPercent ? percent : null, byPercent ? null : new Money(amount), applies.Distinct().Order().ToList()))
                .List[0, 3],
            Gen.Int[0, 250_000].Select(r => new Rate(r / 10_000m)).List[0, 5], // 0–25% with 4 decimals
            Gen.Bool)
            .Select((promotions, rates, included) => (lines, promotions, rates, included)));

    [Fact]
    public void The_lines_add_up_to_the_totals() =>
        Invoices.Sample(invoice =>
        {
            var amounts = InvoiceArithmetic.Compute(invoice.Lines, invoice.Promotions, invoice.Rates, invoice.Included);

            Money.Sum(amounts.Lines.Select(l => l.Gross)).ShouldBe(amounts.Subtotal);
            Money.Sum(amounts.Lines.Select(l => l.Discount)).ShouldBe(amounts.DiscountTotal);
            Money.Sum(amounts.Lines.Select(l => l.Tax)).ShouldBe(amounts.TaxTotal);
            Money.Sum(amounts.TaxByRate).ShouldBe(amounts.TaxTotal);
            Money.Sum(amounts.Lines.Select(l => l.Total)).ShouldBe(amounts.Total);
            amounts.Total.ShouldBe(amounts.Subtotal - amounts.DiscountTotal + (invoice.Included ? Money.Zero : amounts.TaxTotal));
            foreach (var line in amounts.Lines)
            {
                line.Net.ShouldBe(line.Gross - line.Discount);
                line.Discount.ShouldBeInRange(Money.Zero, line.Gross);
                line.Tax.ShouldBeGreaterThanOrEqualTo(Money.Zero);
            }
        });

    [Fact]
    public void Each_total_is_the_exact_figure_rounded_once_and_each_line_its_exact_share_rounded_down_or_up() =>
        Invoices.Sample(invoice =>
        {
            var amounts = InvoiceArithmetic.Compute(invoice.Lines, invoice.Promotions, invoice.Rates, invoice.Included);
            var exactDiscounts = ExactDiscounts(invoice.Lines, invoice.Promotions);

            // Rounded once: within half a minor unit of the exact sum (rounding each line and adding would drift by up to half a unit a line).
            Math.Abs(amounts.DiscountTotal.MinorUnits - exactDiscounts.Sum()).ShouldBeLessThanOrEqualTo(Half);
            for (var i = 0; i < exactDiscounts.Length; i++)
                Math.Abs(amounts.Lines[i].Discount.MinorUnits - exactDiscounts[i]).ShouldBeLessThan(1m);

            var allRates = invoice.Rates.Sum(r => r.Value);
            for (var r = 0; r < invoice.Rates.Count; r++)
            {
                var rate = invoice.Rates[r].Value;
                var exact = amounts.Lines.Select((line, i) => !invoice.Lines[i].Taxed ? 0m
                    : invoice.Included ? line.Net.MinorUnits * rate / (100m + allRates) : line.Net.MinorUnits * rate / 100m).Sum();
                Math.Abs(amounts.TaxByRate[r].MinorUnits - exact).ShouldBeLessThanOrEqualTo(Half);
            }
        });

    [Fact]
    public void Sharing_a_rounded_total_gives_every_part_its_exact_share_rounded_down_or_up_and_adds_up() =>
        Gen.Decimal[0m, 1_000_000m].Select(d => Math.Round(d, 6)).List[1, 60].Sample(exact =>
        {
            var total = InvoiceArithmetic.Round(exact.Sum());
            var shares = InvoiceArithmetic.Share(exact, total);
            shares.Sum().ShouldBe(total);
            for (var i = 0; i < exact.Count; i++)
                shares[i].ShouldBeInRange((long)Math.Floor(exact[i]), (long)Math.Ceiling(exact[i]));
        });

    [Fact]
    public void A_coupon_never_takes_more_than_is_left_and_an_amount_coupon_takes_its_amount_when_there_is_enough() =>
        Gen.Select(Lines.List[1, 20], Gen.Long[1, 1_000_000]).Sample((lines, amount) =>
        {
            var all = Enumerable.Range(0, lines.Count).ToList();
            var amounts = InvoiceArithmetic.Compute(lines, [new PricedPromotion(null, new Money(amount), all)], [], false);
            var left = ExactDiscounts(lines, []).Select((d, i) => lines[i].Gross.MinorUnits - d).Sum();
            var taken = amounts.DiscountByPromotion.Single().MinorUnits;
            Math.Abs(taken - Math.Min(amount, left)).ShouldBeLessThanOrEqualTo(Half);
            amounts.Total.ShouldBeGreaterThanOrEqualTo(Money.Zero);
        });

    [Theory]
    [InlineData(1999, 1, "8.25", 165, 2164)] // 1.649175 → 1.65
    [InlineData(200, 1, "8.25", 17, 217)]    // 0.165 → 0.17: halves away from zero
    [InlineData(333, 3, "7", 70, 1069)]      // 9.99 × 7% = 0.6993 → 0.70
    public void A_single_line_is_taxed_as_a_till_would(long price, int quantity, string rate, long tax, long total)
    {
        Rate.TryParse(rate, out var parsed).ShouldBeTrue();
        var amounts = InvoiceArithmetic.Compute([new PricedLine(new Money(price * quantity), null, null, true)], [], [parsed], false);
        (amounts.TaxTotal, amounts.Total).ShouldBe((new Money(tax), new Money(total)));
    }

    [Fact]
    public void Three_lines_at_a_third_round_once_on_the_total_not_three_times()
    {
        // 10% off three lines of 0.05 each: 0.005 apiece. Rounding each line would take 0.03 off; rounding the total takes 0.02.
        var line = new PricedLine(new Money(5), new Rate(10m), null, false);
        var amounts = InvoiceArithmetic.Compute([line, line, line], [], [], false);
        amounts.DiscountTotal.ShouldBe(new Money(2));
        amounts.Lines.Select(l => l.Discount.MinorUnits).ShouldBe([1L, 1L, 0L]);
    }

    /// <summary>The exact discount of each line, worked out independently of the code under test.</summary>
    static decimal[] ExactDiscounts(List<PricedLine> lines, List<PricedPromotion> promotions)
    {
        var exact = lines.Select(l => l.DiscountPercent is { } p ? l.Gross.MinorUnits * p.Value / 100m
            : l.DiscountAmount is { } a ? Math.Min(a.MinorUnits, l.Gross.MinorUnits) : 0m).ToArray();
        foreach (var promotion in promotions)
        {
            var left = promotion.Lines.ToDictionary(i => i, i => lines[i].Gross.MinorUnits - exact[i]);
            var leftTotal = left.Values.Sum();
            if (leftTotal <= 0)
                continue;
            foreach (var i in promotion.Lines)
                exact[i] += promotion.Percent is { } p ? left[i] * p.Value / 100m : Math.Min(promotion.Amount!.Value.MinorUnits, leftTotal) * left[i] / leftTotal;
        }
        return exact;
    }
}
