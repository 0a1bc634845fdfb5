using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.PriceLists;

public sealed class PriceListImportTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record CellError(int Line, string? Column, string Reason);

    sealed record RowResult(int Line, string? Code, string Outcome, long? ItemId, List<string> ChangedColumns, List<CellError> Errors);

    sealed record Report(bool DryRun, bool Imported, string Format, string? Encoding, int Created, int Updated, int Unchanged, int Refused,
        List<string> GroupsCreated, List<CellError> FileErrors, List<RowResult> Rows);

    const string Headings = "code,description,group,type,price,cost,taxable,needsImage,cropAspectRatio,productionType,availableOnline,components,minPoses,maxPoses,couponCode,discountPercent,appliesToGroups,oncePerClient";

    /// <summary>The seed's advice followed: each component its own item, then the package naming them (here before them).</summary>
    static readonly string[] StudioList =
    [
        Headings,
        "PKG-GOLD,Gold package,Packages,package,149.00,,yes,no,,,no,8x10:1; 5x7:2; WALLETS,1,3,,,,",
        "SF,Portrait session fee,Session Fees,sessionFee,150,,no,no,,,no,,,,,,,",
        "8x10,8x10 print,Prints,standard,45.00,4.00,yes,yes,8x10,Prints,yes,,,,,,,",
        "5x7,5x7 print,Prints,standard,25,2.50,yes,yes,5:7,prints,yes,,,,,,,",
        "WALLETS,\"Wallets, sheet of 8\",Prints,standard,30.00,3,yes,yes,2.5x3.5,Prints,no,,,,,,,",
        "FILE,Digital file,Digital,digital,35,,yes,yes,,Digital,yes,,,,,,,",
        "PROMO-SPRING,Spring special,Promotions,promotional,,,no,no,,,no,,,,SPRING10,10%,Prints,yes",
    ];

    async Task<(HttpClient Admin, PriceListBody List)> NewListAsync()
    {
        var admin = await app.AdminAsync();
        return (admin, await admin.CreateListAsync());
    }

    static async Task<Report> ReportOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        if (status == HttpStatusCode.OK)
            return await response.ShouldBeAsync<Report>(status);
        var problem = await response.ShouldBeProblemAsync(status);
        return problem.GetProperty("report").Deserialize<Report>(HttpAssertions.JsonOptions)!;
    }

    [Fact]
    public async Task A_csv_price_list_makes_its_groups_and_items_with_packages_naming_components_by_code_even_later_in_the_file()
    {
        var (admin, list) = await NewListAsync();

        var report = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv"));

        report.ShouldSatisfyAllConditions(
            r => r.Imported.ShouldBeTrue(), r => r.DryRun.ShouldBeFalse(), r => r.Format.ShouldBe("csv"), r => r.Encoding.ShouldBe("utf-8"),
            r => (r.Created, r.Updated, r.Unchanged, r.Refused).ShouldBe((7, 0, 0, 0)),
            r => r.GroupsCreated.ShouldBe(["Packages", "Session Fees", "Prints", "Digital", "Promotions"]));
        report.Rows.Select(r => (r.Line, r.Code, r.Outcome)).First().ShouldBe((2, "PKG-GOLD", "created"));
        report.Rows.ShouldAllBe(r => r.ItemId != null);
        var items = (await admin.ItemsAsync(list.Id)).ToDictionary(i => i.Code);
        items["8x10"].ShouldSatisfyAllConditions(i => i.Price.ShouldBe(4500), i => i.Cost.ShouldBe(400), i => i.CropAspectRatio.ShouldBe("4:5"),
            i => i.AvailableOnline.ShouldBeTrue(), i => i.ProductionTypeId.ShouldNotBeNull());
        items["WALLETS"].ShouldSatisfyAllConditions(i => i.Description.ShouldBe("Wallets, sheet of 8"), i => i.CropAspectRatio.ShouldBe("5:7"));
        items["SF"].ShouldSatisfyAllConditions(i => i.Type.ShouldBe("sessionFee"), i => i.Taxable.ShouldBeFalse(), i => i.Price.ShouldBe(15000));
        items["PKG-GOLD"].Package!.Components.Select(c => (c.Code, c.Quantity)).ShouldBe([("8x10", 1), ("5x7", 2), ("WALLETS", 1)]);
        (items["PKG-GOLD"].Package!.MinPoses, items["PKG-GOLD"].Package!.MaxPoses).ShouldBe((1, 3));
        var spring = items["PROMO-SPRING"].Promotion!;
        (spring.CouponCode, spring.DiscountPercent, spring.OncePerClient).ShouldBe(("SPRING10", "10", true));
        var groups = (await admin.GetListAsync(list.Id)).Groups;
        spring.AppliesToGroupIds.ShouldBe([groups.Single(g => g.Name == "Prints").Id]);
        // Items in file order, after the package's components were made.
        items.Values.OrderBy(i => i.Position).Select(i => i.Code).ShouldBe(["PKG-GOLD", "SF", "8x10", "5x7", "WALLETS", "FILE", "PROMO-SPRING"]);
        items.Values.ShouldAllBe(i => i.Version == 1);
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_in_both_formats_and_a_changed_price_updates_only_that_item()
    {
        var (admin, list) = await NewListAsync();
        (await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv")).EnsureSuccessStatusCode();

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var export = await admin.GetAsync($"/api/v1/price-lists/{list.Id}/export?format={format}");
            export.StatusCode.ShouldBe(HttpStatusCode.OK);
            export.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldEndWith($".{format}");
            var again = await ReportOf(await admin.ImportAsync(list.Id, await export.Content.ReadAsByteArrayAsync(), $"export.{format}"));
            (again.Created, again.Updated, again.Unchanged, again.Refused).ShouldBe((0, 0, 7, 0), format);
        }

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/v1/price-lists/{list.Id}/export")).TrimStart('\uFEFF');
        var edited = csv.Replace("8x10 print,Prints,standard,45.00", "8x10 print,Prints,standard,49.50");
        var report = await ReportOf(await admin.ImportAsync(list.Id, Encoding.UTF8.GetBytes(edited), "edited.csv"));

        (report.Created, report.Updated, report.Unchanged).ShouldBe((0, 1, 6));
        report.Rows.Single(r => r.Outcome == "updated").ShouldSatisfyAllConditions(r => r.Code.ShouldBe("8x10"), r => r.ChangedColumns.ShouldBe(["price"]));
        var item = (await admin.ItemsAsync(list.Id)).Single(i => i.Code == "8x10");
        (item.Price, item.Version).ShouldBe((4950, 2));
    }

    [Fact]
    public async Task Rows_match_items_by_code_in_any_case_and_columns_left_out_keep_each_items_values()
    {
        var (admin, list) = await NewListAsync();
        (await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv")).EnsureSuccessStatusCode();

        var report = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv("Code,Price", "8X10,47.00", "wallets,30", "NEW,5"), "prices.csv"),
            HttpStatusCode.UnprocessableEntity);

        // A new code needs what a new item needs; nothing is written.
        report.Refused.ShouldBe(1);
        report.Rows.Single(r => r.Code == "NEW").Errors.Select(e => e.Column).ShouldBe(["group", "description"], ignoreOrder: true);
        report.Imported.ShouldBeFalse();

        report = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv("Code,Price", "8X10,47.00", "wallets,30"), "prices.csv"));
        (report.Updated, report.Unchanged).ShouldBe((1, 1));
        var items = (await admin.ItemsAsync(list.Id)).ToDictionary(i => i.Code);
        items["8x10"].ShouldSatisfyAllConditions(i => i.Price.ShouldBe(4700), i => i.Code.ShouldBe("8x10"), i => i.Cost.ShouldBe(400), i => i.CropAspectRatio.ShouldBe("4:5"));
        items.Count.ShouldBe(7);
    }

    [Fact]
    public async Task A_dry_run_answers_what_would_be_created_updated_left_alone_and_refused_and_writes_nothing()
    {
        var (admin, list) = await NewListAsync();
        (await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv")).EnsureSuccessStatusCode();
        var before = await admin.ItemsAsync(list.Id);

        var file = SheetKit.Csv("code,description,group,price", "8x10,8x10 print,Prints,46", "5x7,5x7 print,Prints,25", "11x14,11x14 print,Large prints,95", "BAD,Bad price,Prints,abc");
        var report = await ReportOf(await admin.ImportAsync(list.Id, file, "plan.csv", dryRun: true));

        report.ShouldSatisfyAllConditions(r => r.DryRun.ShouldBeTrue(), r => r.Imported.ShouldBeFalse(),
            r => (r.Created, r.Updated, r.Unchanged, r.Refused).ShouldBe((1, 1, 1, 1)), r => r.GroupsCreated.ShouldBe(["Large prints"]));
        report.Rows.Select(r => r.Outcome).ShouldBe(["updated", "unchanged", "created", "refused"]);
        report.Rows[3].Errors.Single().ShouldBe(new CellError(5, "price", "'abc' is not an amount: write it like 19.99, in USD."));
        report.Rows[2].ItemId.ShouldBeNull();
        report.Rows[0].ItemId.ShouldBe(before.Single(i => i.Code == "8x10").Id);
        JsonSerializer.Serialize(await admin.ItemsAsync(list.Id)).ShouldBe(JsonSerializer.Serialize(before));
        (await admin.GetListAsync(list.Id)).Groups.Select(g => g.Name).ShouldNotContain("Large prints");
    }

    [Fact]
    public async Task One_refused_row_and_nothing_is_imported_the_report_naming_each_line_column_and_reason()
    {
        var (admin, list) = await NewListAsync();
        var lines = StudioList.ToList();
        lines.Add("BROKEN,Broken,Prints,standard,19.999,,maybe,no,4:5,Posters,no,,,,,,,");

        var response = await admin.ImportAsync(list.Id, SheetKit.Csv([.. lines]), "studio.csv");

        var report = await ReportOf(response, HttpStatusCode.UnprocessableEntity);
        (report.Created, report.Refused, report.Imported).ShouldBe((7, 1, false));
        report.Rows.Single(r => r.Outcome == "refused").Errors.Select(e => (e.Line, e.Column)).ShouldBe(
            [(9, "price"), (9, "taxable"), (9, "needsImage"), (9, "productionType")], ignoreOrder: true);
        (await admin.ItemsAsync(list.Id)).ShouldBeEmpty();
        (await admin.GetListAsync(list.Id)).Groups.ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> BadCells => new()
    {
        { "code,description,group,price", "has space,Thing,Prints,5", "code" },
        { "code,description,group,price", ",Thing,Prints,5", "code" },
        { "code,description,group,price", "X,,Prints,5", "description" },
        { "code,description,group,price", "X,Thing,,5", "group" },
        { "code,description,group,price", "X,Thing,Prints,", "price" },
        { "code,description,group,price", "X,Thing,Prints,-5", "price" },
        { "code,description,group,price", "X,Thing,Prints,1e3", "price" },
        { "code,description,group,price", "X,Thing,Prints,99999999999", "price" },
        { "code,description,group,price,type", "X,Thing,Prints,5,voucher", "type" },
        { "code,description,group,price,needsImage,cropAspectRatio", "X,Thing,Prints,5,yes,square", "cropAspectRatio" },
        { "code,description,group,price,needsImage,cropAspectRatio", "X,Thing,Prints,5,no,4:5", "needsImage" },
        { "code,description,group,price,type,cropAspectRatio", "X,Thing,Prints,5,sessionFee,4:5", "cropAspectRatio" },
        { "code,description,group,price,components", "X,Thing,Prints,5,8x10:1", "components" },
        { "code,description,group,price,type,components", "X,Thing,Packages,5,package,NOPE:1", "components" },
        { "code,description,group,price,type,components", "X,Thing,Packages,5,package,8x10:two", "components" },
        { "code,description,group,price,type,components", "X,Thing,Packages,5,package,", "components" },
        { "code,description,group,price,type,components,maxPoses", "X,Thing,Packages,5,package,8x10,1.5", "maxPoses" },
        { "code,description,group,price,type,components,minPoses,maxPoses", "X,Thing,Packages,5,package,8x10,3,2", "maxPoses" },
        { "code,description,group,price,type,discountPercent", "X,Thing,Promotions,0,promotional,ten", "discountPercent" },
        { "code,description,group,price,type,discountPercent", "X,Thing,Promotions,0,promotional,", "discountPercent" },
        { "code,description,group,price,type,discountAmount,startsOn", "X,Thing,Promotions,0,promotional,5,03/01/2026", "startsOn" },
        { "code,description,group,price,type,discountAmount,appliesToItems", "X,Thing,Promotions,0,promotional,5,NOPE", "appliesToItems" },
        { "code,description,group,price,type,discountAmount,appliesToGroups", "X,Thing,Promotions,0,promotional,5,Nowhere", "appliesToGroups" },
        { "code,description,group,price,type,discountAmount,couponCode", "X,Thing,Promotions,0,promotional,5,NO SPACES", "couponCode" },
        { "code,description,group,price,couponCode", "X,Thing,Prints,5,SAVE", "couponCode" },
        { "code,description,group,price,productionType", "X,Thing,Prints,5,Posters", "productionType" },
        { "code,description,group,price,availableOnline", "X,Thing,Prints,5,perhaps", "availableOnline" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task Every_kind_of_bad_cell_is_refused_by_its_line_and_column(string headings, string row, string column)
    {
        var (admin, list) = await NewListAsync();
        (await admin.ImportAsync(list.Id, SheetKit.Csv("code,description,group,price,needsImage", "8x10,8x10 print,Prints,45,yes"), "base.csv")).EnsureSuccessStatusCode();

        var report = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv(headings, row), "bad.csv"), HttpStatusCode.UnprocessableEntity);

        var refused = report.Rows.Single();
        refused.Outcome.ShouldBe("refused");
        refused.Errors.ShouldContain(e => e.Line == 2 && e.Column == column, JsonSerializer.Serialize(refused.Errors));
        refused.Errors.ShouldAllBe(e => e.Reason.Length > 0);
        (await admin.ItemsAsync(list.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_code_twice_in_the_file_and_a_coupon_code_another_promotion_has_are_refused()
    {
        var (admin, list) = await NewListAsync();
        (await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv")).EnsureSuccessStatusCode();

        var report = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv(
            "code,description,group,price,type,discountAmount,couponCode",
            "X1,First,Prints,5,standard,,",
            "x1,Second,Prints,6,standard,,",
            "PROMO-2,Another,Promotions,0,promotional,5.00,spring10"), "dupes.csv"), HttpStatusCode.UnprocessableEntity);

        report.Rows[1].Errors.Single().ShouldBe(new CellError(3, "code", "Code x1 is already on line 2."));
        report.Rows[2].Errors.Single().Column.ShouldBe("couponCode");
    }

    [Fact]
    public async Task An_xlsx_is_read_by_its_values_numbers_booleans_and_dates_and_a_formula_counts_as_its_last_computed_value()
    {
        var (admin, list) = await NewListAsync();
        string[] headings = ["Code", "Description", "Group", "Type", "Price", "Taxable", "Discount Amount", "Starts On", "Ends On"];
        var workbook = SheetKit.Xlsx(headings,
            ["8x10", "8x10 print", "Prints", "standard", 45.5m, true, null, null, null],
            ["SUMMER", "Summer", "Promotions", "promotional", 0, false, 5m, new DateTime(2026, 6, 1), new DateTime(2026, 8, 31)],
            ["5x7", "5x7 print", "Prints", "standard", 1m, "no", null, null, null]);
        // The 5x7's price becomes a formula whose last result was 25.5: that value is taken, the formula never run.
        workbook = SheetKit.EditSheet(workbook, xml => xml.Replace(
            "<x:c r=\"E4\" t=\"n\" s=\"2\"><x:v>1</x:v></x:c>", "<x:c r=\"E4\" s=\"2\"><x:f>HYPERLINK(\"http://evil.example\",25.5)</x:f><x:v>25.5</x:v></x:c>"));

        var report = await ReportOf(await admin.ImportAsync(list.Id, workbook, "list.xlsx"));

        (report.Format, report.Created).ShouldBe(("xlsx", 3));
        var items = (await admin.ItemsAsync(list.Id)).ToDictionary(i => i.Code);
        items["8x10"].Price.ShouldBe(4550);
        items["5x7"].ShouldSatisfyAllConditions(i => i.Price.ShouldBe(2550), i => i.Taxable.ShouldBeFalse());
        items["SUMMER"].Promotion!.ShouldSatisfyAllConditions(p => p.DiscountAmount.ShouldBe(500),
            p => p.StartsOn.ShouldBe(new DateOnly(2026, 6, 1)), p => p.EndsOn.ShouldBe(new DateOnly(2026, 8, 31)));

        // A formula never computed has no value: the price is missing.
        var uncomputed = SheetKit.EditSheet(SheetKit.Xlsx(["code", "description", "group", "price"], ["9x12", "9x12", "Prints", 1m]),
            xml => xml.Replace("<x:c r=\"D2\" t=\"n\" s=\"2\"><x:v>1</x:v></x:c>", "<x:c r=\"D2\" s=\"2\"><x:f>1+1</x:f></x:c>"));
        var refused = await ReportOf(await admin.ImportAsync(list.Id, uncomputed, "uncomputed.xlsx"), HttpStatusCode.UnprocessableEntity);
        refused.Rows.Single().Errors.Single().Column.ShouldBe("price");
    }

    [Fact]
    public async Task Csv_from_european_and_older_spreadsheets_is_read_semicolons_decimal_commas_and_windows_1252()
    {
        var (admin, list) = await NewListAsync();
        var text = "code;description;group;price\r\nCAFE;Café print, matte;Prints;19,99\r\n";

        var report = await ReportOf(await admin.ImportAsync(list.Id, CodePages().GetBytes(text), "europe.csv"));

        report.Encoding.ShouldBe("windows-1252");
        var item = (await admin.ItemsAsync(list.Id)).Single();
        (item.Description, item.Price).ShouldBe(("Café print, matte", 1999));
    }

    static Encoding CodePages() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_defused_in_a_csv_export_and_come_back_as_written()
    {
        var (admin, list) = await NewListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "=cmd|' /C calc'!A0");
        await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "X", description = "=HYPERLINK(\"http://evil.example\",\"Click\")", price = 500 });
        await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "Y", description = "@SUM(1+1)", price = 600 });
        await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "Z", description = "-2+3", price = 700 });

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/v1/price-lists/{list.Id}/export?format=csv"));
        var xlsx = await admin.GetByteArrayAsync($"/api/v1/price-lists/{list.Id}/export?format=xlsx");

        csv.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        csv.ShouldContain(",'@SUM(1+1),");
        csv.ShouldContain(",'-2+3,");
        csv.ShouldContain("'=cmd|' /C calc'!A0");
        SheetKit.SheetXml(xlsx).ShouldNotContain("<x:f>");
        foreach (var (file, name) in new[] { (Encoding.UTF8.GetBytes(csv), "back.csv"), (xlsx, "back.xlsx") })
        {
            var report = await ReportOf(await admin.ImportAsync(list.Id, file, name));
            (report.Unchanged, report.Updated, report.Created).ShouldBe((3, 0, 0), name);
        }
    }

    [Fact]
    public async Task Headings_must_be_known_once_each_with_a_code_column_and_a_file_needs_rows()
    {
        var (admin, list) = await NewListAsync();

        async Task<List<CellError>> FileErrors(byte[] file) =>
            (await ReportOf(await admin.ImportAsync(list.Id, file, "f.csv"), HttpStatusCode.UnprocessableEntity)).FileErrors;

        (await FileErrors(SheetKit.Csv("code,prce", "X,5"))).Single().ShouldSatisfyAllConditions(e => e.Column.ShouldBe("prce"), e => e.Line.ShouldBe(1));
        (await FileErrors(SheetKit.Csv("code,Price,price", "X,5,6"))).Single().Column.ShouldBe("price");
        (await FileErrors(SheetKit.Csv("description,price", "X,5"))).Single().Column.ShouldBe("code");
        (await FileErrors(SheetKit.Csv("code,description,group,price"))).Single().Reason.ShouldContain("no item rows");
        (await FileErrors(SheetKit.Csv("code,description,group,price", ",,,", " , , , "))).Single().Reason.ShouldContain("no item rows");
        await (await admin.ImportAsync(list.Id, [], "empty.csv")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Files_that_are_not_csv_or_xlsx_are_refused_by_their_content_whatever_their_name()
    {
        var (admin, list) = await NewListAsync();

        (await (await admin.ImportAsync(list.Id, SheetKit.Png, "list.csv")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType))
            .GetProperty("detail").GetString()!.ShouldContain("neither CSV");
        (await (await admin.ImportAsync(list.Id, SheetKit.OldExcel, "list.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType))
            .GetProperty("detail").GetString()!.ShouldContain(".xls");
        await (await admin.ImportAsync(list.Id, SheetKit.PlainZip(), "list.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var damaged = SheetKit.Xlsx(["code"], ["X"]);
        damaged = damaged[..(damaged.Length / 2)];
        await (await admin.ImportAsync(list.Id, damaged, "list.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var json = await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/import", new { file = "code,price" });
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        (await (await admin.PostAsync($"/api/v1/price-lists/{list.Id}/import", noFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["file"]);
        var two = new MultipartFormDataContent { { new ByteArrayContent(SheetKit.Csv("code", "A")), "file", "a.csv" }, { new ByteArrayContent(SheetKit.Csv("code", "B")), "file", "b.csv" } };
        (await (await admin.PostAsync($"/api/v1/price-lists/{list.Id}/import", two)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["file"]);
        await (await admin.ImportAsync(999_999, SheetKit.Csv(StudioList), "studio.csv")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.ItemsAsync(list.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Files_too_large_too_long_or_unpacking_too_far_are_refused_before_anything_is_written()
    {
        var (admin, list) = await NewListAsync();
        var small = app.Variant("small price list limits", b => b
            .UseSetting("PriceListImport:MaxFileBytes", "4096")
            .UseSetting("PriceListImport:MaxRows", "5")
            .UseSetting("PriceListImport:MaxUnpackedBytes", "20000"));
        var caller = small.CreateClient(new WebApplicationFactoryClientOptions());
        caller.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        var big = SheetKit.Csv([Headings, .. Enumerable.Range(0, 200).Select(i => $"C{i},Item {i},Prints,standard,5,,,,,,,,,,,,,")]);
        await (await caller.ImportAsync(list.Id, big, "big.csv")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var six = SheetKit.Csv(["code,description,group,price", .. Enumerable.Range(0, 6).Select(i => $"C{i},Item {i},Prints,5")]);
        (await (await caller.ImportAsync(list.Id, six, "six.csv")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("more than 5");
        // A workbook whose sheet is a few KB zipped but unpacks past the limit.
        var bomb = SheetKit.EditSheet(SheetKit.Xlsx(["code", "description"], ["A", "x"]), xml => xml.Replace("<x:v>x</x:v>", $"<x:v>{new string('x', 40_000)}</x:v>"));
        bomb.Length.ShouldBeLessThan(4096);
        (await (await caller.ImportAsync(list.Id, bomb, "bomb.xlsx")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("unpacks");
        (await admin.ItemsAsync(list.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_retried_import_with_its_idempotency_key_replays_the_first_report_and_only_the_front_desk_imports()
    {
        var (admin, list) = await NewListAsync();
        var key = Guid.NewGuid().ToString();

        var first = await ReportOf(await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv", idempotencyKey: key));
        var retry = await admin.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv", idempotencyKey: key);

        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await ReportOf(retry)).Created.ShouldBe(first.Created);
        (await admin.ItemsAsync(list.Id)).Count.ShouldBe(7);
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        await (await kiosk.ImportAsync(list.Id, SheetKit.Csv(StudioList), "studio.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
