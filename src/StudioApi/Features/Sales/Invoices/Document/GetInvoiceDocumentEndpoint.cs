using System.Globalization;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.Payments;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions.Confirmations;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Document;

public sealed class GetInvoiceDocumentRequest
{
    public long Id { get; set; }
}

/// <summary>
/// The invoice as the client gets it, printed or e-mailed: a self-contained HTML page on the studio's letterhead (its
/// name, address, phone, e-mail and web site from the settings), amounts in the studio's currency, every value encoded.
/// </summary>
public sealed class GetInvoiceDocumentEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetInvoiceDocumentRequest>
{
    static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public override void Configure()
    {
        Get("/invoices/{id}/document");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "GetDocument", "Get an invoice's printable document",
                "A printable HTML page on the studio's letterhead: the lines, taxes, coupons, totals, payments and payment plan.")
            .Produces<Stream>(StatusCodes.Status200OK, ConfirmationPage.ContentType));
    }

    public override async Task HandleAsync(GetInvoiceDocumentRequest req, CancellationToken ct)
    {
        var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == invoice.ClientId, ct);
        var session = invoice.SessionId is { } sessionId
            ? await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Number, s.Date }).SingleOrDefaultAsync(ct)
            : null;
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoice.Id && p.VoidedAt == null).OrderBy(p => p.Date).ThenBy(p => p.Id).ToListAsync(ct);
        var methods = await db.PaymentMethods.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var credited = invoice.CreditsInvoiceId is { } creditedId
            ? await db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == creditedId).Select(i => (int?)i.Number).SingleOrDefaultAsync(ct)
            : null;
        var today = await calendar.TodayAsync(ct);
        string Amount(Money money) => Format(money, studio.Currency);

        var title = invoice.Type switch
        {
            InvoiceType.Estimate => "Estimate",
            InvoiceType.CreditMemo => "Credit memo",
            _ => "Invoice",
        } + $" {invoice.Number}";
        var page = new ConfirmationPage(title, studio);
        if (invoice.IsVoid)
            page.Notice($"Void: {invoice.VoidReason}");
        var address = client.Addresses.OrderByDescending(a => a.IsPrimary).Select(a => ConfirmationPage.Address(a.Address)).FirstOrDefault();
        page.Facts("Bill to", ("Name", ClientResponse.DisplayNameOf(client)), ("Address", address), ("Client number", client.Number.ToString(English)))
            .Facts("Details",
                ("Date", ConfirmationPage.Day(invoice.Date)),
                ("Session", session is null ? null : $"{session.Number} of {ConfirmationPage.Day(session.Date)}"),
                ("Credits invoice", credited?.ToString(English)))
            .Table("Items", ["Code", "Description", "Quantity", "Unit price", "Discount", invoice.TaxIncludedInPrices ? "Tax included" : "Tax", "Amount"],
                invoice.Lines.OrderBy(l => l.Position).Select(l => (IReadOnlyList<string?>)
                [
                    l.Code,
                    l.Description + (l.ImageId is { } image ? $"\nImage {image}{(l.CropAspectRatio is { } ratio ? $", cropped {ratio}" : "")}" : "")
                                  + (l.Poses.Count > 0 ? $"\nPoses: images {string.Join(", ", l.Poses.OrderBy(p => p.Position).Select(p => p.ImageId))}" : ""),
                    l.Quantity.ToString(English),
                    Amount(l.UnitPrice),
                    l.Discount == Money.Zero ? "" : Amount(l.Discount),
                    l.Tax == Money.Zero ? "" : Amount(l.Tax),
                    Amount(l.Total),
                ]))
            .Table("Coupons", ["Code", "Promotion", "Discount"], invoice.Promotions.OrderBy(p => p.Position)
                .Select(p => (IReadOnlyList<string?>)[p.CouponCode, p.Description, Amount(p.Discount)]))
            .Table(invoice.TaxIncludedInPrices ? "Tax included in the prices" : "Tax", ["Tax", "Rate", "Amount"], invoice.Taxes.OrderBy(t => t.Position)
                .Select(t => (IReadOnlyList<string?>)[t.Name, $"{t.RatePercent}%", Amount(t.Amount)]))
            .Facts("Totals",
                ("Subtotal", Amount(invoice.Subtotal)),
                ("Discount", invoice.DiscountTotal == Money.Zero ? null : Amount(-invoice.DiscountTotal)),
                (invoice.TaxIncludedInPrices ? "Tax included" : "Tax", invoice.TaxTotal == Money.Zero ? null : Amount(invoice.TaxTotal)),
                ("Total", Amount(invoice.Total)),
                ("Credited", invoice.Credited == Money.Zero ? null : Amount(-invoice.Credited)),
                ("Paid", invoice.Receivable ? Amount(invoice.Paid) : null),
                ("Balance due", invoice.Receivable ? Amount(invoice.Balance) : null))
            .Table("Payments", ["Date", "Method", "Reference", "Amount"], payments.Select(p => (IReadOnlyList<string?>)
            [
                ConfirmationPage.Day(p.Date),
                p.FromClientCredit ? "Client credit" : p.MethodId is { } m ? methods.GetValueOrDefault(m) : null,
                p.Reference,
                Amount(p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount) + (p.Kind == PaymentKind.Refund ? " (refund)" : ""),
            ]))
            .Table("Payment plan", ["Due", "", "Amount", "Status"], InstalmentResponse.Of(invoice, today).Select(x => (IReadOnlyList<string?>)
            [
                ConfirmationPage.Day(x.DueDate),
                x.Kind == InstalmentKind.Deposit ? "Deposit" : "Instalment",
                Amount(x.Amount),
                x.State switch { InstalmentState.Paid => "Paid", InstalmentState.PastDue => "Past due", _ => x.AmountPaid == Money.Zero ? "Open" : $"{Amount(x.AmountPaid)} paid" },
            ]));
        var reach = string.Join(" or ", new[] { studio.Phone is { } phone ? $"call {phone}" : null, studio.Email is { } email ? $"e-mail {email}" : null }.OfType<string>());
        page.Closing(reach.Length > 0 ? $"Thank you. Questions about this {title.Split(' ')[0].ToLowerInvariant()}? Please {reach}." : "Thank you.");
        await Send.StringAsync(page.Render(), StatusCodes.Status200OK, $"{ConfirmationPage.ContentType}; charset=utf-8", ct);
    }

    /// <summary>An amount in the currency's major units with its code: "USD 1,234.50", "JPY 1,200".</summary>
    public static string Format(Money money, string currency) =>
        $"{currency} {Currency.ToAmount(money, currency).ToString("N" + Currency.MinorUnitDigits(currency), English)}";
}
