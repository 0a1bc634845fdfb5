using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.Payments;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions.Confirmations;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Document;

/// <summary>A headed part of the document: label/value facts, or a table (columns and rows).</summary>
public sealed record InvoiceDocumentSection(
    string Heading,
    IReadOnlyList<(string Label, string? Value)> Facts,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public bool IsTable => Columns.Count > 0;
}

/// <summary>
/// What the invoice document says, read once and written either as the HTML page or as a PDF, so the two never
/// disagree: the title, a notice (void), the sections in order, and the closing line. The letterhead is the studio's.
/// Every value is plain text; each writer encodes it for its format.
/// </summary>
public sealed class InvoiceDocument
{
    static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public required StudioSettings Studio { get; init; }
    public required string Title { get; init; }
    public required int Number { get; init; }
    public string? Notice { get; init; }
    public required IReadOnlyList<InvoiceDocumentSection> Sections { get; init; }
    public required string Closing { get; init; }

    /// <summary>The file name it is offered under: invoice-1042.pdf, estimate-17.html.</summary>
    public string FileName(string extension) => $"{Title.Split(' ')[0].ToLowerInvariant()}-{Number}.{extension}";

    /// <summary>The self-contained HTML page (every value encoded).</summary>
    public string ToHtml()
    {
        var page = new ConfirmationPage(Title, Studio);
        if (Notice is not null)
            page.Notice(Notice);
        foreach (var section in Sections)
        {
            if (section.IsTable)
                page.Table(section.Heading, section.Columns, section.Rows);
            else
                page.Facts(section.Heading, [.. section.Facts]);
        }
        page.Closing(Closing);
        return page.Render();
    }

    /// <summary>Reads the document of <paramref name="invoice"/> (already checked as visible to the caller), recycle-bin relations included.</summary>
    public static async Task<InvoiceDocument> ReadAsync(StudioDbContext db, Invoice invoice, DateOnly today, CancellationToken ct)
    {
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
        string Amount(Money money) => Format(money, studio.Currency);

        var title = invoice.Type switch
        {
            InvoiceType.Estimate => "Estimate",
            InvoiceType.CreditMemo => "Credit memo",
            _ => "Invoice",
        } + $" {invoice.Number}";
        var address = client.Addresses.OrderByDescending(a => a.IsPrimary).Select(a => ConfirmationPage.Address(a.Address)).FirstOrDefault();
        var sections = new List<InvoiceDocumentSection>
        {
            Facts("Bill to", ("Name", ClientResponse.DisplayNameOf(client)), ("Address", address), ("Client number", client.Number.ToString(English))),
            Facts("Details",
                ("Date", ConfirmationPage.Day(invoice.Date)),
                ("Session", session is null ? null : $"{session.Number} of {ConfirmationPage.Day(session.Date)}"),
                ("Credits invoice", credited?.ToString(English))),
            Table("Items", ["Code", "Description", "Quantity", "Unit price", "Discount", invoice.TaxIncludedInPrices ? "Tax included" : "Tax", "Amount"],
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
                ])),
            Table("Coupons", ["Code", "Promotion", "Discount"], invoice.Promotions.OrderBy(p => p.Position)
                .Select(p => (IReadOnlyList<string?>)[p.CouponCode, p.Description, Amount(p.Discount)])),
            Table(invoice.TaxIncludedInPrices ? "Tax included in the prices" : "Tax", ["Tax", "Rate", "Amount"], invoice.Taxes.OrderBy(t => t.Position)
                .Select(t => (IReadOnlyList<string?>)[t.Name, $"{t.RatePercent}%", Amount(t.Amount)])),
            Facts("Totals",
                ("Subtotal", Amount(invoice.Subtotal)),
                ("Discount", invoice.DiscountTotal == Money.Zero ? null : Amount(-invoice.DiscountTotal)),
                (invoice.TaxIncludedInPrices ? "Tax included" : "Tax", invoice.TaxTotal == Money.Zero ? null : Amount(invoice.TaxTotal)),
                ("Total", Amount(invoice.Total)),
                ("Credited", invoice.Credited == Money.Zero ? null : Amount(-invoice.Credited)),
                ("Paid", invoice.Receivable ? Amount(invoice.Paid) : null),
                ("Balance due", invoice.Receivable ? Amount(invoice.Balance) : null)),
            Table("Payments", ["Date", "Method", "Reference", "Amount"], payments.Select(p => (IReadOnlyList<string?>)
            [
                ConfirmationPage.Day(p.Date),
                p.FromClientCredit ? "Client credit" : p.MethodId is { } m ? methods.GetValueOrDefault(m) : null,
                p.Reference,
                Amount(p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount) + (p.Kind == PaymentKind.Refund ? " (refund)" : ""),
            ])),
            Table("Payment plan", ["Due", "", "Amount", "Status"], InstalmentResponse.Of(invoice, today).Select(x => (IReadOnlyList<string?>)
            [
                ConfirmationPage.Day(x.DueDate),
                x.Kind == InstalmentKind.Deposit ? "Deposit" : "Instalment",
                Amount(x.Amount),
                x.State switch { InstalmentState.Paid => "Paid", InstalmentState.PastDue => "Past due", _ => x.AmountPaid == Money.Zero ? "Open" : $"{Amount(x.AmountPaid)} paid" },
            ])),
        };
        var reach = string.Join(" or ", new[] { studio.Phone is { } phone ? $"call {phone}" : null, studio.Email is { } email ? $"e-mail {email}" : null }.OfType<string>());
        return new InvoiceDocument
        {
            Studio = studio,
            Title = title,
            Number = invoice.Number,
            Notice = invoice.IsVoid ? $"Void: {invoice.VoidReason}" : null,
            // Empty sections are left out here, so both writers skip the same ones.
            Sections = sections.Where(s => s.IsTable ? s.Rows.Count > 0 : s.Facts.Any(f => !string.IsNullOrWhiteSpace(f.Value)))
                .Select(s => s with { Facts = s.Facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList() }).ToList(),
            Closing = reach.Length > 0 ? $"Thank you. Questions about this {title.Split(' ')[0].ToLowerInvariant()}? Please {reach}." : "Thank you.",
        };
    }

    static InvoiceDocumentSection Facts(string heading, params (string Label, string? Value)[] facts) => new(heading, facts, [], []);

    static InvoiceDocumentSection Table(string heading, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows) =>
        new(heading, [], columns, rows.ToList());

    /// <summary>An amount in the currency's major units with its code: "USD 1,234.50", "JPY 1,200".</summary>
    public static string Format(Money money, string currency) =>
        $"{currency} {Currency.ToAmount(money, currency).ToString("N" + Currency.MinorUnitDigits(currency), English)}";
}

/// <summary>
/// Writes the invoice document as a PDF. Declared here, written by Messaging's PDF printing (its layout and the one
/// font lookup PDFsharp needs), which also attaches invoices to e-mails.
/// </summary>
public interface IInvoicePdfWriter
{
    byte[] Write(InvoiceDocument document);
}
