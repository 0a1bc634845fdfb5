using FluentValidation;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Sales.Invoices.PaymentPlan;

/// <summary>
/// A payment plan as sent (as Sprout Studio's and Stripe's amounts due work): a deposit at booking, a fixed amount or a
/// percentage of the total, and instalments with due dates; together they come to the invoice's total.
/// </summary>
public class PaymentPlanInput
{
    /// <summary>Paid first; omit for a plan of instalments only.</summary>
    public DepositInput? Deposit { get; set; }
    /// <summary>
    /// The amounts after the deposit, in due-date order. Give every amount, adding up with the deposit to the total, or
    /// none, and the rest is shared equally (the first instalments take the odd minor units). Up to 35.
    /// </summary>
    public List<InstalmentInput>? Instalments { get; set; }
}

public sealed class DepositInput
{
    /// <summary>A percentage of the total (more than 0, at most 100), rounded once to a minor unit.</summary>
    public Rate? Percent { get; set; }
    /// <summary>A fixed amount in minor units, at most the total.</summary>
    public Money? Amount { get; set; }
    /// <summary>Defaults to the invoice date (the deposit is taken at booking).</summary>
    public DateOnly? DueDate { get; set; }
}

public sealed class InstalmentInput
{
    public DateOnly DueDate { get; set; }
    /// <summary>In minor units; omit on every instalment to share the rest equally.</summary>
    public Money? Amount { get; set; }
}

public sealed class PaymentPlanInputValidator : AbstractValidator<PaymentPlanInput>
{
    public PaymentPlanInputValidator()
    {
        RuleFor(p => p.Instalments).MaxItems(InvoiceLimits.MaxInstalments - 1)
            .Must(list => list is null || list.All(x => x?.Amount is null) || list.All(x => x?.Amount is not null))
            .WithMessage("Give every instalment an amount, or none (the rest is then shared equally).")
            .Must(list => list is null || list.Zip(list.Skip(1)).All(pair => pair.First is null || pair.Second is null || pair.First.DueDate <= pair.Second.DueDate))
            .WithMessage("List the instalments in due-date order.");
        // Named on both fields, so leaving out either is said of it.
        RuleFor(p => p.Deposit).NotNull().When(p => p.Instalments is not { Count: > 0 }).WithMessage("A plan has a deposit, instalments, or both.");
        RuleFor(p => p.Instalments).NotEmpty().When(p => p.Deposit is null).WithMessage("A plan has a deposit, instalments, or both.");
        RuleFor(p => p.Deposit!).ChildRules(deposit =>
        {
            deposit.RuleFor(d => d.Percent).NotNull().When(d => d.Amount is null).WithMessage("Give the deposit as percent or amount.");
            deposit.RuleFor(d => d.Percent).Null().When(d => d.Amount is not null).WithMessage("A deposit is a percentage or an amount, not both.");
            deposit.RuleFor(d => d.Percent!.Value).Must(r => r.Value is > 0m and <= 100m && r.Scale <= 4)
                .OverridePropertyName("percent").When(d => d.Percent is not null)
                .WithMessage("A deposit percentage is more than 0 and at most 100, with at most 4 decimals.");
            deposit.RuleFor(d => d.Amount!.Value).Must(a => a.MinorUnits > 0 && PriceRules.IsPrice(a))
                .OverridePropertyName("amount").When(d => d.Amount is not null).WithMessage("A deposit is more than 0 minor units.");
            deposit.RuleFor(d => d.DueDate).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
        }).When(p => p.Deposit is not null);
        RuleForEach(p => p.Instalments).ChildRules(instalment =>
        {
            instalment.RuleFor(x => x.DueDate).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
            instalment.RuleFor(x => x.Amount!.Value).Must(a => a.MinorUnits > 0 && PriceRules.IsPrice(a))
                .OverridePropertyName("amount").When(x => x.Amount is not null).WithMessage("An instalment is more than 0 minor units.");
        });
    }
}

/// <summary>Builds an invoice's instalments from a plan as sent, checked against the invoice's total.</summary>
public static class PaymentPlans
{
    public static List<InvoiceInstalment> Build(Invoice invoice, PaymentPlanInput plan)
    {
        if (!invoice.Receivable)
            throw ApiProblem.RuleBroken($"A {Wire(invoice)} is not paid, so it has no payment plan.");
        var total = invoice.Total;
        if (total <= Money.Zero)
            throw ApiProblem.RuleBroken("An invoice of 0 has nothing to plan.");

        var amounts = new List<(InstalmentKind Kind, DateOnly Due, Money Amount)>();
        var left = total;
        if (plan.Deposit is { } deposit)
        {
            var amount = deposit.Percent is { } percent ? total.Percent(percent) : deposit.Amount!.Value;
            if (amount > total)
                throw ApiProblem.RuleBroken($"The deposit ({amount}) is more than the invoice's total ({total}).");
            if (amount <= Money.Zero)
                throw ApiProblem.RuleBroken("The deposit comes to 0 minor units: give a larger percentage or an amount.");
            amounts.Add((InstalmentKind.Deposit, deposit.DueDate ?? invoice.Date, amount));
            left -= amount;
        }
        var instalments = plan.Instalments ?? [];
        if (instalments.Count > 0 && instalments.All(x => x.Amount is null))
        {
            var shares = InvoiceArithmetic.Share(instalments.Select(_ => (decimal)left.MinorUnits / instalments.Count).ToList(), left.MinorUnits);
            for (var k = 0; k < instalments.Count; k++)
                amounts.Add((InstalmentKind.Instalment, instalments[k].DueDate, new Money(shares[k])));
        }
        else
            amounts.AddRange(instalments.Select(x => (InstalmentKind.Instalment, x.DueDate, x.Amount!.Value)));

        if (amounts.Any(a => a.Amount <= Money.Zero))
            throw ApiProblem.RuleBroken($"Every amount of the plan is above 0; sharing {left} among {instalments.Count} instalment(s) leaves one at 0.");
        var sum = Money.Sum(amounts.Select(a => a.Amount));
        if (sum != total)
            throw ApiProblem.RuleBroken($"The plan comes to {sum}; the invoice's total is {total}.");
        if (amounts.Count > 1 && amounts.Skip(1).Any(a => a.Due < amounts[0].Due) && amounts[0].Kind == InstalmentKind.Deposit)
            throw ApiProblem.RuleBroken("The deposit is due first: no instalment is due before it.");

        var cumulative = Money.Zero;
        return amounts.Select((a, i) =>
        {
            cumulative += a.Amount;
            return new InvoiceInstalment { Position = i, Kind = a.Kind, DueDate = a.Due, Amount = a.Amount, Cumulative = cumulative };
        }).ToList();
    }

    static string Wire(Invoice invoice) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(invoice.Type.ToString())
                                           + (invoice.IsVoid ? " (void)" : "");
}
