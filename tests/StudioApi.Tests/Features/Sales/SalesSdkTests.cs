using System.Net.Http.Headers;
using System.Text;
using StudioApi.Client;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales;

/// <summary>The generated C# SDK on price lists: what a studio's own tool or a kiosk written in .NET would do.</summary>
public sealed class SalesSdkTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_sdk_builds_a_price_list_imports_a_sheet_dry_then_for_real_and_finds_a_sessions_list()
    {
        var http = await SignedInAsync();
        var lists = new PriceListsClient(http);
        var items = new PriceListItemsClient(http);

        var list = await lists.CreateAsync(idempotencyKey: null, new CreatePriceListRequest { Name = "Kiosk list", InStudio = new PriceListUse { IsDefault = true } });
        var prints = await lists.CreateGroupAsync(list.Id, idempotencyKey: null, new CreatePriceListGroupRequest { Name = "Prints" });
        var print = await items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest
        {
            GroupId = prints.Id, Code = "8x10", Description = "8x10 print", Price = 4500, CropAspectRatio = "8x10",
        });
        var package = await items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest
        {
            GroupId = prints.Id, Code = "GOLD", Description = "Gold", Type = PriceListItemType.Package, Price = 9900,
            Package = new ItemPackageInput { Components = [new PackageComponentInput { ItemId = print.Id, Quantity = 2 }], MinPoses = 1, MaxPoses = 2 },
        });
        print.CropAspectRatio.ShouldBe("4:5");
        print.NeedsImage.ShouldBeTrue();
        package.Package!.Components.Single().Code.ShouldBe("8x10");

        var sheet = Encoding.UTF8.GetBytes("code,description,group,price\r\n8x10,8x10 print,Prints,47.50\r\n5x7,5x7 print,Prints,25\r\n");
        var dry = await lists.ImportAsync(list.Id, dryRun: true, idempotencyKey: null, [new FileParameter(new MemoryStream(sheet), "prices.csv", "text/csv")]);
        (dry.Created, dry.Updated, dry.Imported).ShouldBe((1, 1, false));
        var real = await lists.ImportAsync(list.Id, dryRun: null, idempotencyKey: Guid.NewGuid().ToString(), [new FileParameter(new MemoryStream(sheet), "prices.csv", "text/csv")]);
        real.Imported.ShouldBeTrue();
        var page = await items.ListAsync(list.Id, groupId: null, type: null, availableOnline: null, q: null, deleted: null, limit: 10, cursor: null, sort: ListPriceListItemsSort.PriceDescending);
        page.Items.Select(i => (i.Code, i.Price)).ShouldBe([("GOLD", 9900L), ("8x10", 4750L), ("5x7", 2500L)]);

        using var export = await lists.ExportAsync(list.Id, PriceListFileFormat.Xlsx);
        using var bytes = new MemoryStream();
        await export.Stream.CopyToAsync(bytes);
        bytes.ToArray()[..2].ShouldBe("PK"u8.ToArray());

        var client = await new ClientsClient(http).CreateAsync(idempotencyKey: null, new CreateClientRequest { FirstName = "Ada", LastName = "Kiosk" });
        var session = await new SessionsClient(http).CreateAsync(idempotencyKey: null, new CreateSessionRequest
        {
            ClientId = client.Id, Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), StartTime = "10:00", EndTime = "11:00",
        });
        var forSession = await lists.GetForSessionAsync(session.Id, SalesChannel.InStudio);
        (forSession.PriceList.Id, forSession.ChosenBy).ShouldBe((list.Id, AssignmentTarget.Default));

        var taken = await Should.ThrowAsync<ApiException<ProblemDetails>>(() =>
            items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest { GroupId = prints.Id, Code = "GOLD", Description = "Again", Price = 1 }));
        taken.StatusCode.ShouldBe(409);
    }

    [Fact]
    public async Task The_sdk_reads_and_replaces_the_tax_settings_with_rates_as_exact_strings()
    {
        var tax = new TaxSettingsClient(await SignedInAsync());
        var current = await tax.GetAsync();

        var updated = await tax.UpdateAsync($"\"{current.Version}\"", new UpdateTaxSettingsRequest
        {
            TaxIncludedInPrices = true,
            Rates = [new TaxRateData { Name = "VAT", RatePercent = "20" }, new TaxRateData { Name = "Levy", RatePercent = "0.125" }],
        });

        updated.Rates.Select(r => (r.Name, r.RatePercent)).ShouldBe([("VAT", "20"), ("Levy", "0.125")]);
        updated.TaxIncludedInPrices.ShouldBeTrue();
    }

    async Task<HttpClient> SignedInAsync()
    {
        var http = app.CreateClient();
        var token = await new AuthClient(http).CreateTokenAsync(new CreateTokenRequest { Username = "admin", Password = StudioApiFactory.AdminPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return http;
    }
}
