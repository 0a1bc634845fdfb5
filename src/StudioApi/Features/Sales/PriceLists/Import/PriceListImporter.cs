using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Setup;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.PriceLists.Import;

/// <summary>
/// Imports a spreadsheet into a price list, one row per item, matched to the list's items by code (any case): a new
/// code makes an item, a known one updates it, a row identical to its item leaves it alone. A column the file leaves
/// out keeps each existing item's value (new items take the default); a blank cell is no value (none, or the default
/// for a yes/no). Packages name components and promotions their items by code, from the list or the same file, and
/// promotions their groups by name; a group named in the group column that the list lacks is made. Every row passes
/// the same rules as the API's item operations. Either every row is taken, in one transaction, or nothing is written
/// and the report says why each refused row was refused; a dry run only reports.
/// </summary>
public sealed class PriceListImporter(StudioDbContext db, IOptions<PriceListImportOptions> options)
{
    static readonly PriceListItemInputValidator Rules = new();

    public PriceListImportOptions Limits => options.Value;

    public async Task<PriceListImportReport> ImportAsync(long listId, byte[] file, bool dryRun, CancellationToken ct)
    {
        var sheet = SpreadsheetReader.Read(file, Limits);
        var (columns, fileErrors) = ReadHeadings(sheet.Headings);
        if (fileErrors.Count == 0 && sheet.Rows.Count == 0)
            fileErrors.Add(new ImportCellError { Line = 2, Column = null, Reason = "The file has its heading row but no item rows." });
        if (fileErrors.Count > 0)
            throw Refusal("The file cannot be imported: see fileErrors.", Report(sheet, dryRun, [], [], fileErrors));

        var context = await LoadAsync(listId, ct);
        var rows = sheet.Rows.Select(r => new Row(r, columns)).ToList();
        Plan(context, rows);
        var results = rows.Select(r => r.Result()).ToList();
        var report = Report(sheet, dryRun, results, context.NewGroups.Values.Select(g => g.Name).ToList(), []);
        if (dryRun)
            return report;
        if (report.Refused > 0)
            throw Refusal($"{report.Refused} row(s) were refused, so nothing was imported: see rows for each refused cell.", report);

        await db.InTransactionAsync(() => ApplyAsync(context, rows, ct), ct);
        foreach (var (row, result) in rows.Zip(results))
            result.ItemId ??= row.Entity?.Id;
        report.Imported = true;
        return report;
    }

    static ApiProblem Refusal(string detail, PriceListImportReport report) =>
        ApiProblem.RuleBroken(detail, new Dictionary<string, object?> { ["report"] = report });

    static PriceListImportReport Report(SheetContent sheet, bool dryRun, List<ImportRowResult> rows, List<string> groupsCreated, List<ImportCellError> fileErrors) => new()
    {
        DryRun = dryRun,
        Imported = false,
        Format = sheet.Format,
        Encoding = sheet.Encoding,
        Created = rows.Count(r => r.Outcome == ImportRowOutcome.Created),
        Updated = rows.Count(r => r.Outcome == ImportRowOutcome.Updated),
        Unchanged = rows.Count(r => r.Outcome == ImportRowOutcome.Unchanged),
        Refused = rows.Count(r => r.Outcome == ImportRowOutcome.Refused),
        GroupsCreated = groupsCreated,
        FileErrors = fileErrors,
        Rows = rows,
    };

    /// <summary>The columns by position (null for a blank heading over blank cells), and what is wrong with the headings.</summary>
    static (Dictionary<string, (int Index, string Heading)> Columns, List<ImportCellError> Errors) ReadHeadings(IReadOnlyList<string> headings)
    {
        var columns = new Dictionary<string, (int, string)>();
        var errors = new List<ImportCellError>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (heading.Length == 0)
                continue;
            if (PriceListSheet.ColumnOf(heading) is not { } column)
                errors.Add(new ImportCellError { Line = 1, Column = heading, Reason = $"There is no column '{heading}'. The columns are: {string.Join(", ", PriceListSheet.Columns)}." });
            else if (!columns.TryAdd(column, (i, heading)))
                errors.Add(new ImportCellError { Line = 1, Column = heading, Reason = $"Column {column} is there twice." });
        }
        if (headings.Count == 0 || headings.All(h => h.Length == 0))
            errors.Add(new ImportCellError { Line = 1, Column = null, Reason = "The first row must hold the column headings, such as code, description, group, type, price." });
        else if (!columns.ContainsKey(PriceListSheet.Code))
            errors.Add(new ImportCellError { Line = 1, Column = PriceListSheet.Code, Reason = "The code column is missing: rows are matched to items by code." });
        return (columns, errors);
    }

    /// <summary>Everything a plan reads: the list, its live groups and items, the production types, the currency.</summary>
    sealed class Context
    {
        public required long ListId { get; init; }
        public required string Currency { get; init; }
        public required Dictionary<long, PriceListGroup> Groups { get; init; }
        public required Dictionary<string, PriceListItem> ItemsByCode { get; init; }
        public required Dictionary<string, (long Id, bool Active)> ProductionTypes { get; init; }
        /// <summary>Groups the file names that the list lacks, by name (any case), with temporary ids.</summary>
        public Dictionary<string, PriceListGroup> NewGroups { get; } = new(StringComparer.OrdinalIgnoreCase);
        long nextTemporaryId = TemporaryIds;
        public long TemporaryId() => nextTemporaryId++;
    }

    async Task<Context> LoadAsync(long listId, CancellationToken ct)
    {
        if (!await db.PriceLists.AnyAsync(l => l.Id == listId, ct))
            throw ApiProblem.NotFound("price list", listId);
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        return new Context
        {
            ListId = listId,
            Currency = settings.Currency,
            Groups = await db.PriceListGroups.Where(g => g.PriceListId == listId).ToDictionaryAsync(g => g.Id, ct),
            // Tracked: the ones the file changes are updated in place.
            ItemsByCode = await db.PriceListItems.Where(i => i.PriceListId == listId).ToDictionaryAsync(i => i.CodeKey, ct),
            ProductionTypes = (await db.ProductionTypes.Select(t => new { t.Name, t.Id, t.IsActive }).ToListAsync(ct))
                .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (g.First().Id, g.First().IsActive), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>One row of the file on its way to an item: its cells, the input built from them, and what became of it.</summary>
    sealed class Row(SheetRow sheetRow, Dictionary<string, (int Index, string Heading)> columns)
    {
        public int Line => sheetRow.Line;
        public string? Code { get; set; }
        public string? CodeKey => Code is null ? null : PriceListItem.KeyOf(Code);
        public PriceListItem? Existing { get; set; }
        public long Id { get; set; }
        public ImportedItem? Input { get; set; }
        public List<ImportCellError> Errors { get; } = [];
        public List<string> Changed { get; } = [];
        public bool IsNew => Existing is null;
        public PriceListItem? Entity { get; set; }
        public ImportRowOutcome Outcome { get; set; }

        public bool Has(string column) => columns.ContainsKey(column);

        public object? Raw(string column) =>
            columns.TryGetValue(column, out var c) && c.Index < sheetRow.Cells.Count ? sheetRow.Cells[c.Index] : null;

        public bool IsBlank(string column) => SpreadsheetReader.IsBlank(Raw(column));

        /// <summary>The column as the file heads it (its canonical name when the file has no such column).</summary>
        public string HeadingOf(string column) => columns.TryGetValue(column, out var c) ? c.Heading : column;

        public void Refuse(string column, string reason)
        {
            var heading = HeadingOf(column);
            // One reason per cell and rule: the validator and the reference check may say the same thing twice.
            if (!Errors.Any(e => e.Column == heading && e.Reason == reason))
                Errors.Add(new ImportCellError { Line = Line, Column = heading, Reason = reason });
        }

        public ImportRowResult Result() => new()
        {
            Line = Line,
            Code = Code,
            Outcome = Errors.Count > 0 ? ImportRowOutcome.Refused : Outcome,
            ItemId = Errors.Count > 0 ? null : Existing?.Id,
            ChangedColumns = Changed,
            Errors = Errors,
        };
    }

    /// <summary>The input an import row makes, run through the same validator as the API's.</summary>
    sealed class ImportedItem : PriceListItemInput;

    void Plan(Context context, List<Row> rows)
    {
        // Codes first: a package or promotion may name an item of a later row.
        var firstLineOfCode = new Dictionary<string, int>();
        var ids = new Dictionary<string, long>(context.ItemsByCode.ToDictionary(kv => kv.Key, kv => kv.Value.Id));
        foreach (var row in rows)
        {
            row.Code = SheetValues.Text(row.Raw(PriceListSheet.Code));
            if (row.Code is null)
            {
                row.Refuse(PriceListSheet.Code, "Every row needs its item's code.");
                continue;
            }
            if (!firstLineOfCode.TryAdd(row.CodeKey!, row.Line))
            {
                row.Refuse(PriceListSheet.Code, $"Code {row.Code} is already on line {firstLineOfCode[row.CodeKey!]}.");
                continue;
            }
            row.Existing = context.ItemsByCode.GetValueOrDefault(row.CodeKey!);
            row.Id = row.Existing?.Id ?? context.TemporaryId();
            ids[row.CodeKey!] = row.Id;
        }

        var live = rows.Where(r => r.Errors.Count == 0).ToList();
        foreach (var row in live)
            row.Input = Build(context, row, ids);

        // The list as it would be after the import: what each item holds and what each promotion applies to.
        var final = context.ItemsByCode.Values.ToDictionary(i => i.Id, i => (i.Code, i.Description, i.Type,
            Components: i.Components.Select(c => c.ItemId).ToList(),
            Targets: i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item).Select(t => t.TargetId).ToList(),
            CouponKey: i.CouponCodeKey));
        foreach (var row in live.Where(r => r.Input is not null))
        {
            var input = row.Input!;
            final[row.Id] = (input.Code, input.Description, input.Type,
                input.Type == PriceListItemType.Package ? (input.Package?.Components ?? []).Select(c => c.ItemId).ToList() : [],
                input.Type == PriceListItemType.Promotional ? input.Promotion?.AppliesToItemIds ?? [] : [],
                input.Type == PriceListItemType.Promotional && input.Promotion?.CouponCode is { } coupon ? PriceListItem.KeyOf(coupon) : null);
        }
        var lookup = new ItemLookup
        {
            Groups = context.Groups.Values.Concat(context.NewGroups.Values).ToDictionary(g => g.Id, g => g.Name),
            Items = final.ToDictionary(kv => kv.Key, kv => new ItemRef(kv.Key, kv.Value.Code, kv.Value.Description, kv.Value.Type)),
            ProductionTypes = context.ProductionTypes.Values.Where(t => t.Active).Select(t => t.Id).ToHashSet(),
            PackagesHolding = final.SelectMany(kv => kv.Value.Components.Select(c => (Component: c, Package: kv.Key)))
                .ToLookup(x => x.Component, x => new ItemRef(x.Package, final[x.Package].Code, final[x.Package].Description, final[x.Package].Type)),
            PromotionsTargeting = final.SelectMany(kv => kv.Value.Targets.Select(t => (Target: t, Promotion: kv.Key)))
                .ToLookup(x => x.Target, x => new ItemRef(x.Promotion, final[x.Promotion].Code, final[x.Promotion].Description, final[x.Promotion].Type)),
        };
        var couponHolders = final.Where(kv => kv.Value.CouponKey is not null).ToLookup(kv => kv.Value.CouponKey!, kv => kv.Key);

        foreach (var row in live.Where(r => r.Input is not null))
        {
            var input = row.Input!;
            // A cell refused as it was read is not judged again by the rules (its value is missing from the input).
            var unreadable = row.Errors.Select(e => e.Column).ToHashSet();
            void Judge(string field, string reason)
            {
                var column = ColumnOf(field);
                if (!unreadable.Contains(row.HeadingOf(column)))
                    row.Refuse(column, reason);
            }
            foreach (var failure in Rules.Validate(input).Errors)
                Judge(failure.PropertyName, failure.ErrorMessage);
            foreach (var (field, reason) in ItemReferences.Check(input, row.Id, row.Existing?.ProductionTypeId, lookup))
                Judge(field, reason);
            if (final[row.Id].CouponKey is { } couponKey && couponHolders[couponKey].Count() > 1)
                row.Refuse(PriceListSheet.CouponCode, $"Coupon code {input.Promotion!.CouponCode} belongs to another promotion of the list too.");
            if (row.Errors.Count > 0)
                continue;

            var after = new PriceListItem();
            input.ApplyTo(after);
            if (row.Existing is null)
                row.Outcome = ImportRowOutcome.Created;
            else
            {
                var before = Snapshot(row.Existing);
                var now = Snapshot(after);
                row.Changed.AddRange(PriceListSheet.Columns.Where(c => before[c] != now[c]));
                row.Outcome = row.Changed.Count == 0 ? ImportRowOutcome.Unchanged : ImportRowOutcome.Updated;
            }
        }
        // Groups only rows that are refused would have made are not made.
        var usedGroups = live.Where(r => r.Errors.Count == 0 && r.Input is not null).Select(r => r.Input!.GroupId).ToHashSet();
        foreach (var name in context.NewGroups.Where(g => !usedGroups.Contains(g.Value.Id)).Select(g => g.Key).ToList())
            context.NewGroups.Remove(name);
    }

    /// <summary>The row's input: the existing item's values, overwritten by the columns the file has.</summary>
    ImportedItem Build(Context context, Row row, Dictionary<string, long> ids)
    {
        var existing = row.Existing;
        var input = new ImportedItem
        {
            // Matched in any case, an item keeps its own spelling of its code.
            Code = existing?.Code ?? row.Code!,
            GroupId = existing?.GroupId ?? 0,
            Description = existing?.Description ?? "",
            Type = existing?.Type ?? PriceListItemType.Standard,
            Price = existing?.Price,
            Cost = existing?.Cost,
            Taxable = existing?.Taxable ?? true,
            NeedsImage = existing?.NeedsImage,
            CropAspectRatio = existing?.CropAspectRatio,
            PrintSize = existing?.PrintSize,
            ProductionTypeId = existing?.ProductionTypeId,
            AvailableOnline = existing?.AvailableOnline ?? false,
        };
        T? Take<T>(string column, (T? Value, string? Error) parsed)
        {
            if (parsed.Error is not null)
                row.Refuse(column, parsed.Error);
            return parsed.Value;
        }

        if (row.Has(PriceListSheet.Description))
            input.Description = SheetValues.Text(row.Raw(PriceListSheet.Description)) ?? "";
        if (row.Has(PriceListSheet.Type))
            input.Type = Take(PriceListSheet.Type, SheetValues.Type(row.Raw(PriceListSheet.Type))) ?? PriceListItemType.Standard;
        if (row.Has(PriceListSheet.Group))
        {
            if (SheetValues.Text(row.Raw(PriceListSheet.Group)) is { } groupName)
            {
                if (groupName.Length > PriceListGroupInputValidator.NameLength)
                    row.Refuse(PriceListSheet.Group, $"A group's name has at most {PriceListGroupInputValidator.NameLength} characters.");
                else
                    input.GroupId = GroupId(context, groupName, create: true)!.Value;
            }
            else
                row.Refuse(PriceListSheet.Group, "Every item belongs to a group: name it.");
        }
        else if (existing is null)
            row.Refuse(PriceListSheet.Group, "A new item needs its group: add a group column.");
        if (row.Has(PriceListSheet.Price))
            input.Price = Take(PriceListSheet.Price, SheetValues.Amount(row.Raw(PriceListSheet.Price), context.Currency))
                          ?? (input.Type == PriceListItemType.Promotional ? Money.Zero : null);
        else if (existing is null && input.Type == PriceListItemType.Promotional)
            input.Price = Money.Zero;
        if (row.Has(PriceListSheet.Cost))
            input.Cost = Take(PriceListSheet.Cost, SheetValues.Amount(row.Raw(PriceListSheet.Cost), context.Currency));
        if (row.Has(PriceListSheet.Taxable))
            input.Taxable = Take(PriceListSheet.Taxable, SheetValues.YesNo(row.Raw(PriceListSheet.Taxable))) ?? true;
        if (row.Has(PriceListSheet.NeedsImage))
            input.NeedsImage = Take(PriceListSheet.NeedsImage, SheetValues.YesNo(row.Raw(PriceListSheet.NeedsImage)));
        if (row.Has(PriceListSheet.CropAspectRatio))
            input.CropAspectRatio = SheetValues.Text(row.Raw(PriceListSheet.CropAspectRatio));
        if (row.Has(PriceListSheet.PrintSize))
            input.PrintSize = SheetValues.Text(row.Raw(PriceListSheet.PrintSize));
        if (row.Has(PriceListSheet.AvailableOnline))
            input.AvailableOnline = Take(PriceListSheet.AvailableOnline, SheetValues.YesNo(row.Raw(PriceListSheet.AvailableOnline))) ?? false;
        if (row.Has(PriceListSheet.ProductionType))
        {
            var name = SheetValues.Text(row.Raw(PriceListSheet.ProductionType));
            if (name is null)
                input.ProductionTypeId = null;
            else if (context.ProductionTypes.TryGetValue(name, out var productionType))
                input.ProductionTypeId = productionType.Id;
            else
                row.Refuse(PriceListSheet.ProductionType, $"There is no production type named '{name}'.");
        }

        // A package's columns.
        string[] packageColumns = [PriceListSheet.Components, PriceListSheet.MinPoses, PriceListSheet.MaxPoses];
        if (input.Type == PriceListItemType.Package)
        {
            var components = existing?.Type == PriceListItemType.Package
                ? existing.Components.OrderBy(c => c.Position).Select(c => new PackageComponentInput { ItemId = c.ItemId, Quantity = c.Quantity }).ToList()
                : [];
            if (row.Has(PriceListSheet.Components))
            {
                components = [];
                foreach (var (code, quantity) in Take(PriceListSheet.Components, SheetValues.Components(row.Raw(PriceListSheet.Components))) ?? [])
                {
                    if (ids.TryGetValue(PriceListItem.KeyOf(code), out var id))
                        components.Add(new PackageComponentInput { ItemId = id, Quantity = quantity });
                    else
                        row.Refuse(PriceListSheet.Components, $"There is no item with code {code} in the list or the file.");
                }
            }
            input.Package = new ItemPackageInput
            {
                Components = components,
                // A new package picks one pose unless the file says otherwise.
                MinPoses = (row.Has(PriceListSheet.MinPoses) ? Take(PriceListSheet.MinPoses, SheetValues.WholeNumber(row.Raw(PriceListSheet.MinPoses))) : null) ?? existing?.MinPoses ?? 1,
                MaxPoses = (row.Has(PriceListSheet.MaxPoses) ? Take(PriceListSheet.MaxPoses, SheetValues.WholeNumber(row.Raw(PriceListSheet.MaxPoses))) : null) ?? existing?.MaxPoses ?? 1,
            };
        }
        else
            foreach (var column in packageColumns.Where(c => !row.IsBlank(c)))
                row.Refuse(column, "Only a package has components and poses: leave the cell blank, or make the type package.");

        // A promotion's columns.
        string[] promotionColumns =
        [
            PriceListSheet.CouponCode, PriceListSheet.DiscountPercent, PriceListSheet.DiscountAmount, PriceListSheet.StartsOn,
            PriceListSheet.EndsOn, PriceListSheet.MinimumOrderAmount, PriceListSheet.AppliesToItems, PriceListSheet.AppliesToGroups,
            PriceListSheet.OncePerClient, PriceListSheet.MaxUses,
        ];
        if (input.Type == PriceListItemType.Promotional)
        {
            var was = existing?.Type == PriceListItemType.Promotional ? existing : null;
            T? Column<T>(string column, Func<object?, (T? Value, string? Error)> parse, T? current) =>
                row.Has(column) ? Take(column, parse(row.Raw(column))) : current;
            var promotion = new ItemPromotionInput
            {
                CouponCode = row.Has(PriceListSheet.CouponCode) ? SheetValues.Text(row.Raw(PriceListSheet.CouponCode)) : was?.CouponCode,
                DiscountPercent = Column(PriceListSheet.DiscountPercent, SheetValues.Percent, was?.DiscountPercent),
                DiscountAmount = Column(PriceListSheet.DiscountAmount, raw => SheetValues.Amount(raw, context.Currency), was?.DiscountAmount),
                StartsOn = Column(PriceListSheet.StartsOn, SheetValues.Date, was?.PromotionStartsOn),
                EndsOn = Column(PriceListSheet.EndsOn, SheetValues.Date, was?.PromotionEndsOn),
                MinimumOrderAmount = Column(PriceListSheet.MinimumOrderAmount, raw => SheetValues.Amount(raw, context.Currency), was?.MinimumOrderAmount),
                OncePerClient = Column(PriceListSheet.OncePerClient, SheetValues.YesNo, was?.OncePerClient) ?? false,
                MaxUses = Column(PriceListSheet.MaxUses, SheetValues.WholeNumber, was?.MaxUses),
                AppliesToItemIds = was?.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item).Select(t => t.TargetId).ToList() ?? [],
                AppliesToGroupIds = was?.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Group).Select(t => t.TargetId).ToList() ?? [],
            };
            if (row.Has(PriceListSheet.AppliesToItems))
            {
                promotion.AppliesToItemIds = [];
                foreach (var code in SheetValues.Names(row.Raw(PriceListSheet.AppliesToItems)))
                    if (ids.TryGetValue(PriceListItem.KeyOf(code), out var id))
                        promotion.AppliesToItemIds.Add(id);
                    else
                        row.Refuse(PriceListSheet.AppliesToItems, $"There is no item with code {code} in the list or the file.");
            }
            if (row.Has(PriceListSheet.AppliesToGroups))
            {
                promotion.AppliesToGroupIds = [];
                foreach (var name in SheetValues.Names(row.Raw(PriceListSheet.AppliesToGroups)))
                    if (GroupId(context, name, create: false) is { } id)
                        promotion.AppliesToGroupIds.Add(id);
                    else
                        row.Refuse(PriceListSheet.AppliesToGroups, $"There is no group named {name} in the list or the file's group column.");
            }
            input.Promotion = promotion;
        }
        else
            foreach (var column in promotionColumns.Where(c => !row.IsBlank(c)))
                row.Refuse(column, "Only a promotional item has a promotion rule: leave the cell blank, or make the type promotional.");

        return input;
    }

    /// <summary>A group of the list by name (any case), or one the import makes (with a temporary id) when asked to.</summary>
    static long? GroupId(Context context, string name, bool create)
    {
        if (context.Groups.Values.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)) is { } group)
            return group.Id;
        if (context.NewGroups.TryGetValue(name, out var pending))
            return pending.Id;
        if (!create)
            return null;
        var made = new PriceListGroup { Id = context.TemporaryId(), PriceListId = context.ListId, Name = name, NameKey = PriceListGroup.KeyOf(name) };
        context.NewGroups[name] = made;
        return made.Id;
    }

    /// <summary>A field as the API names it (FluentValidation's path or ours) as the column holding it.</summary>
    static string ColumnOf(string field)
    {
        var segments = field.Split('.');
        var last = segments[^1];
        if (last.Equals("Value", StringComparison.Ordinal) && segments.Length > 1)
            last = segments[^2];
        var bracket = last.IndexOf('[');
        if (bracket >= 0)
            last = last[..bracket];
        var name = last.Length == 0 ? last : char.ToLowerInvariant(last[0]) + last[1..];
        return name switch
        {
            "groupId" => PriceListSheet.Group,
            "productionTypeId" => PriceListSheet.ProductionType,
            "package" or "components" or "itemId" or "quantity" => PriceListSheet.Components,
            "promotion" => PriceListSheet.DiscountPercent,
            "appliesToItemIds" => PriceListSheet.AppliesToItems,
            "appliesToGroupIds" => PriceListSheet.AppliesToGroups,
            _ => PriceListSheet.ColumnOf(name) ?? name,
        };
    }

    /// <summary>An item's values as its columns would show them, to tell which an import changes.</summary>
    static Dictionary<string, string> Snapshot(PriceListItem i) => new()
    {
        [PriceListSheet.Code] = i.Code,
        [PriceListSheet.Description] = i.Description,
        [PriceListSheet.Group] = i.GroupId.ToString(),
        [PriceListSheet.Type] = i.Type.ToString(),
        [PriceListSheet.Price] = i.Price.ToString(),
        [PriceListSheet.Cost] = i.Cost.ToString(),
        [PriceListSheet.Taxable] = i.Taxable.ToString(),
        [PriceListSheet.NeedsImage] = i.NeedsImage.ToString(),
        [PriceListSheet.CropAspectRatio] = i.CropAspectRatio ?? "",
        [PriceListSheet.PrintSize] = i.PrintSize ?? "",
        [PriceListSheet.ProductionType] = i.ProductionTypeId?.ToString() ?? "",
        [PriceListSheet.AvailableOnline] = i.AvailableOnline.ToString(),
        [PriceListSheet.Components] = string.Join(";", i.Components.OrderBy(c => c.Position).Select(c => $"{c.ItemId}:{c.Quantity}")),
        [PriceListSheet.MinPoses] = i.MinPoses?.ToString() ?? "",
        [PriceListSheet.MaxPoses] = i.MaxPoses?.ToString() ?? "",
        [PriceListSheet.CouponCode] = i.CouponCode ?? "",
        [PriceListSheet.DiscountPercent] = i.DiscountPercent?.ToString() ?? "",
        [PriceListSheet.DiscountAmount] = i.DiscountAmount?.ToString() ?? "",
        [PriceListSheet.StartsOn] = i.PromotionStartsOn?.ToString("O") ?? "",
        [PriceListSheet.EndsOn] = i.PromotionEndsOn?.ToString("O") ?? "",
        [PriceListSheet.MinimumOrderAmount] = i.MinimumOrderAmount?.ToString() ?? "",
        [PriceListSheet.AppliesToItems] = string.Join(";", i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Item).Select(t => t.TargetId).Order()),
        [PriceListSheet.AppliesToGroups] = string.Join(";", i.PromotionTargets.Where(t => t.Kind == PromotionTargetKind.Group).Select(t => t.TargetId).Order()),
        [PriceListSheet.OncePerClient] = i.OncePerClient.ToString(),
        [PriceListSheet.MaxUses] = i.MaxUses?.ToString() ?? "",
    };

    /// <summary>
    /// Writes the plan in one transaction: new groups, then new items in the order their references need (products,
    /// then packages holding them, then promotions applying to either), then the updated items, each with the
    /// temporary ids of the file's rows and groups turned into real ones.
    /// </summary>
    async Task<bool> ApplyAsync(Context context, List<Row> rows, CancellationToken ct)
    {
        try
        {
            var groupPosition = await db.PriceListGroups.IgnoreQueryFilters().Where(g => g.PriceListId == context.ListId).MaxAsync(g => (int?)g.Position, ct) ?? 0;
            var groupIds = new Dictionary<long, long>();
            foreach (var group in context.NewGroups.Values)
            {
                var temporary = group.Id;
                group.Id = 0;
                group.Position = groupPosition += 10;
                db.PriceListGroups.Add(group);
                await db.SaveChangesAsync(ct);
                groupIds[temporary] = group.Id;
            }

            var position = await db.PriceListItems.IgnoreQueryFilters().Where(i => i.PriceListId == context.ListId).MaxAsync(i => (int?)i.Position, ct) ?? 0;
            var itemIds = new Dictionary<long, long>();
            var created = rows.Where(r => r.Outcome == ImportRowOutcome.Created).ToList();
            // New items in file order, after the list's last one.
            var positions = created.ToDictionary(r => r, _ => position += 10);
            foreach (var round in new[]
                     {
                         created.Where(r => r.Input!.Type is not (PriceListItemType.Package or PriceListItemType.Promotional)),
                         created.Where(r => r.Input!.Type == PriceListItemType.Package),
                         created.Where(r => r.Input!.Type == PriceListItemType.Promotional),
                     })
            {
                var made = round.ToList();
                foreach (var row in made)
                {
                    row.Entity = new PriceListItem { PriceListId = context.ListId, Position = positions[row] };
                    Resolve(row.Input!, groupIds, itemIds).ApplyTo(row.Entity);
                    db.PriceListItems.Add(row.Entity);
                }
                await db.SaveChangesAsync(ct);
                foreach (var row in made)
                    itemIds[row.Id] = row.Entity!.Id;
            }
            foreach (var row in rows.Where(r => r.Outcome == ImportRowOutcome.Updated))
            {
                row.Entity = row.Existing;
                Resolve(row.Input!, groupIds, itemIds).ApplyTo(row.Entity!);
            }
            await db.SaveChangesAsync(ct);
            foreach (var row in rows.Where(r => r.Outcome == ImportRowOutcome.Unchanged))
                row.Entity = row.Existing;
            return true;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e is DbUpdateException update && update.IsUniqueViolation())
        {
            throw ApiProblem.Conflict("The price list changed while the file was being imported, so nothing was imported: run the import again.");
        }
    }

    /// <summary>The input with the temporary ids of the file's new groups and items replaced by their real ids.</summary>
    static PriceListItemInput Resolve(PriceListItemInput input, Dictionary<long, long> groupIds, Dictionary<long, long> itemIds)
    {
        input.GroupId = Real(input.GroupId, groupIds);
        foreach (var component in input.Package?.Components ?? [])
            component.ItemId = Real(component.ItemId, itemIds);
        if (input.Promotion is { } promotion)
        {
            promotion.AppliesToItemIds = promotion.AppliesToItemIds?.Select(id => Real(id, itemIds)).ToList();
            promotion.AppliesToGroupIds = promotion.AppliesToGroupIds?.Select(id => Real(id, groupIds)).ToList();
        }
        return input;
    }

    /// <summary>
    /// Where the ids of the file's new items and groups start until they are saved: far above any id a table hands out,
    /// and positive, so the API's own validator (ids greater than 0) judges the rows as it judges a request.
    /// </summary>
    const long TemporaryIds = 1L << 60;

    static long Real(long id, Dictionary<long, long> temporary) => id >= TemporaryIds ? temporary[id] : id;
}
