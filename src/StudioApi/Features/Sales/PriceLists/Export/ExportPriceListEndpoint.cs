using System.Globalization;
using System.Text;
using CsvHelper;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Setup;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.PriceLists.Export;

public enum PriceListFileFormat
{
    Csv,
    Xlsx,
}

public sealed class ExportPriceListRequest
{
    public long Id { get; set; }

    /// <summary>csv (the default) or xlsx.</summary>
    public PriceListFileFormat? Format { get; set; }
}

public sealed class ExportPriceListValidator : Validator<ExportPriceListRequest>
{
    public ExportPriceListValidator() => RuleFor(r => r.Format).IsInEnum();
}

/// <summary>
/// A price list as a spreadsheet, in the import's format, so a studio can edit it and import it back: one row per live
/// item, groups in order and items in order within them. In CSV a cell a spreadsheet would run as a formula is
/// written with a leading apostrophe (the import takes it off); XLSX cells are plain text or numbers, never formulas.
/// </summary>
public sealed class ExportPriceListEndpoint(StudioDbContext db) : Endpoint<ExportPriceListRequest>
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public override void Configure()
    {
        Get("/price-lists/{id}/export");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "Export", "Download a price list as CSV or XLSX",
                "One row per item, in the columns the import reads; amounts in major units of the studio's currency.")
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType, XlsxContentType));
    }

    public override async Task HandleAsync(ExportPriceListRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list", req.Id);
        var currency = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Currency;
        var groups = await db.PriceListGroups.AsNoTracking().Where(g => g.PriceListId == list.Id).ToDictionaryAsync(g => g.Id, ct);
        var items = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == list.Id).ToListAsync(ct);
        var codes = items.ToDictionary(i => i.Id, i => i.Code);
        var productionTypes = await db.ProductionTypes.IgnoreQueryFilters().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var xlsx = req.Format == PriceListFileFormat.Xlsx;

        var rows = items.OrderBy(i => groups[i.GroupId].Position).ThenBy(i => i.GroupId).ThenBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => Row(i, groups, codes, productionTypes, currency, xlsx)).ToList();
        var name = FileName(list.Name);
        if (xlsx)
        {
            using var stream = new MemoryStream();
            // A sheet of headings only when the list is empty: MiniExcel writes the headings from the first row.
            await stream.SaveAsAsync(rows.Count > 0 ? rows : [PriceListSheet.Columns.ToDictionary(c => c, _ => (object?)null)],
                sheetName: "Price list", excelType: ExcelType.XLSX, cancellationToken: ct);
            await Send.BytesAsync(stream.ToArray(), $"{name}.xlsx", XlsxContentType, cancellation: ct);
            return;
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in PriceListSheet.Columns)
                csv.WriteField(column);
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var column in PriceListSheet.Columns)
                    csv.WriteField(row[column] is string cell ? PriceListSheet.Defused(cell) : Convert.ToString(row[column], CultureInfo.InvariantCulture));
                await csv.NextRecordAsync();
            }
        }
        // With the UTF-8 mark, so Excel opens accents and symbols as written.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        await Send.BytesAsync(bytes, $"{name}.csv", $"{CsvContentType}; charset=utf-8", cancellation: ct);
    }

    /// <summary>One item's cells by column; in XLSX the amounts and counts are numbers a spreadsheet can add up.</summary>
    static Dictionary<string, object?> Row(PriceListItem i, Dictionary<long, Sales.PriceListGroups.PriceListGroup> groups,
        Dictionary<long, string> codes, Dictionary<long, string> productionTypes, string currency, bool numbers)
    {
        object? Amount(Platform.Currencies.Money? money) => money is not { } m ? null
            : numbers ? PriceListSheet.Amount(m, currency) : PriceListSheet.AmountText(m, currency);
        object? Count(int? value) => value is not { } v ? null : numbers ? v : v.ToString(CultureInfo.InvariantCulture);
        var package = i.Type == PriceListItemType.Package;
        var promotion = i.Type == PriceListItemType.Promotional;
        return new Dictionary<string, object?>
        {
            [PriceListSheet.Code] = i.Code,
            [PriceListSheet.Description] = i.Description,
            [PriceListSheet.Group] = groups[i.GroupId].Name,
            [PriceListSheet.Type] = PriceListSheet.TypeName(i.Type),
            [PriceListSheet.Price] = Amount(i.Price),
            [PriceListSheet.Cost] = Amount(i.Cost),
            [PriceListSheet.Taxable] = PriceListSheet.YesNo(i.Taxable),
            [PriceListSheet.NeedsImage] = PriceListSheet.YesNo(i.NeedsImage),
            [PriceListSheet.CropAspectRatio] = i.CropAspectRatio,
            [PriceListSheet.PrintSize] = i.PrintSize,
            [PriceListSheet.ProductionType] = i.ProductionTypeId is { } typeId ? productionTypes.GetValueOrDefault(typeId) : null,
            [PriceListSheet.AvailableOnline] = PriceListSheet.YesNo(i.AvailableOnline),
            [PriceListSheet.Components] = package
                ? string.Join("; ", i.Components.OrderBy(c => c.Position).Where(c => codes.ContainsKey(c.ItemId)).Select(c => $"{codes[c.ItemId]}:{c.Quantity}"))
                : null,
            [PriceListSheet.MinPoses] = package ? Count(i.MinPoses) : null,
            [PriceListSheet.MaxPoses] = package ? Count(i.MaxPoses) : null,
            [PriceListSheet.CouponCode] = i.CouponCode,
            [PriceListSheet.DiscountPercent] = i.DiscountPercent?.ToString(),
            [PriceListSheet.DiscountAmount] = Amount(i.DiscountAmount),
            [PriceListSheet.StartsOn] = i.PromotionStartsOn is { } starts ? PriceListSheet.DateText(starts) : null,
            [PriceListSheet.EndsOn] = i.PromotionEndsOn is { } ends ? PriceListSheet.DateText(ends) : null,
            [PriceListSheet.MinimumOrderAmount] = Amount(i.MinimumOrderAmount),
            [PriceListSheet.AppliesToItems] = promotion
                ? string.Join("; ", i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item && codes.ContainsKey(t.TargetId)).Select(t => codes[t.TargetId]))
                : null,
            [PriceListSheet.AppliesToGroups] = promotion
                ? string.Join("; ", i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Group && groups.ContainsKey(t.TargetId)).Select(t => groups[t.TargetId].Name))
                : null,
            [PriceListSheet.OncePerClient] = promotion ? PriceListSheet.YesNo(i.OncePerClient) : null,
            [PriceListSheet.MaxUses] = promotion ? Count(i.MaxUses) : null,
        };
    }

    /// <summary>The list's name as a file name: letters, digits and dashes.</summary>
    static string FileName(string listName)
    {
        var slug = new string(listName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Length == 0 ? "price-list" : $"price-list-{slug}";
    }
}
