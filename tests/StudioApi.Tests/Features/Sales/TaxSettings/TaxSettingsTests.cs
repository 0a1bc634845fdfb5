using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using StudioApi.Features.Sales;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.TaxSettings;

public sealed class TaxSettingsTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/tax-settings";

    sealed record RateBody(string Name, string RatePercent);

    sealed record TaxBody(int Version, bool TaxIncludedInPrices, bool DigitalItemsTaxable, bool ShippingTaxable, List<RateBody> Rates);

    [Fact]
    public async Task An_administrator_sets_several_rates_and_how_tax_applies_and_everyone_on_staff_reads_them()
    {
        var admin = await app.AdminAsync();
        var current = await (await admin.GetAsync(Url)).ShouldBeAsync<TaxBody>(HttpStatusCode.OK);

        var response = await admin.SendAsync(SalesKit.Put(Url, new
        {
            taxIncludedInPrices = false, digitalItemsTaxable = false, shippingTaxable = true,
            rates = new[] { new { name = "State", ratePercent = "6.25" }, new { name = "City", ratePercent = "2.0" } },
        }, current.Version));

        var updated = await response.ShouldBeAsync<TaxBody>(HttpStatusCode.OK);
        updated.Version.ShouldBe(current.Version + 1);
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        var read = await (await kiosk.GetAsync(Url)).ShouldBeAsync<TaxBody>(HttpStatusCode.OK);
        read.Rates.ShouldBe([new RateBody("State", "6.25"), new RateBody("City", "2")]);
        (read.DigitalItemsTaxable, read.ShippingTaxable).ShouldBe((false, true));
        await (await kiosk.SendAsync(SalesKit.Put(Url, new { rates = Array.Empty<object>() }, read.Version))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Saving the same again is no change; a stale version is refused.
        var again = await (await admin.SendAsync(SalesKit.Put(Url, new
        {
            digitalItemsTaxable = false, shippingTaxable = true,
            rates = new[] { new { name = "State", ratePercent = "6.25" }, new { name = "City", ratePercent = "2" } },
        }, read.Version))).ShouldBeAsync<TaxBody>(HttpStatusCode.OK);
        again.Version.ShouldBe(read.Version);
        await (await admin.SendAsync(SalesKit.Put(Url, new { rates = Array.Empty<object>() }, current.Version))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("100.5")]
    [InlineData("-1")]
    [InlineData("8.12345")]
    [InlineData("8.25e0")]
    [InlineData(8.25)]
    [InlineData(null)]
    public async Task A_rate_that_is_not_a_percentage_string_is_refused_by_its_field(object? rate)
    {
        var admin = await app.AdminAsync();
        var current = await (await admin.GetAsync(Url)).ShouldBeAsync<TaxBody>(HttpStatusCode.OK);

        var response = await admin.SendAsync(SalesKit.Put(Url, new
        {
            rates = new[] { new Dictionary<string, object?> { ["name"] = "State", ["ratePercent"] = rate is double d ? (decimal)d : rate } },
        }, current.Version));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().Distinct().ShouldBe(["rates[0].ratePercent"]);
        (await (await admin.GetAsync(Url)).ShouldBeAsync<TaxBody>(HttpStatusCode.OK)).Version.ShouldBe(current.Version);
    }

    [Fact]
    public async Task Two_rates_of_one_name_and_more_than_five_rates_are_refused()
    {
        var admin = await app.AdminAsync();
        var current = await (await admin.GetAsync(Url)).ShouldBeAsync<TaxBody>(HttpStatusCode.OK);

        var twice = await admin.SendAsync(SalesKit.Put(Url, new { rates = new[] { new { name = "GST", ratePercent = "5" }, new { name = "gst", ratePercent = "5" } } }, current.Version));
        var six = await admin.SendAsync(SalesKit.Put(Url, new { rates = Enumerable.Range(1, 6).Select(i => new { name = $"R{i}", ratePercent = "1" }).ToArray() }, current.Version));

        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["rates"]);
        (await six.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["rates"]);
    }

    [Fact]
    public async Task The_settings_no_longer_take_a_tax_rate_it_lives_in_the_tax_settings()
    {
        var admin = await app.AdminAsync();
        var settings = await admin.GetAsync("/api/v1/settings");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(await settings.Content.ReadAsStringAsync())!;
        body.ShouldNotContainKey("taxRatePercent");
        body["taxRatePercent"] = "8.25";

        var response = await admin.SendAsync(SalesKit.Put("/api/v1/settings", body, int.Parse(settings.Headers.ETag!.Tag.Trim('"'))));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["taxRatePercent"]);
    }
}

/// <summary>The migration that moved the studio's tax rate from the settings into the tax settings, both ways.</summary>
public sealed class TaxSettingsMigrationTests
{
    const string BeforeSales = "20261205000404_BackgroundWorkEngine";

    [Fact]
    public async Task The_settings_rate_moves_into_the_tax_settings_and_back()
    {
        var maker = StudioApiFactory.FromNothing();
        try
        {
            await maker.WithDbAsync(async db =>
            {
                var migrator = db.GetService<IMigrator>();
                // Seeded on a new database: tax settings without rates. Down again, with one rate to carry back.
                (await db.SalesTaxSettings.SingleAsync()).Rates.ShouldBeEmpty();
                await db.Database.ExecuteSqlRawAsync("INSERT INTO TaxRates (SalesTaxSettingsId, Name, RatePercent, Position) SELECT Id, 'GST', '5.0', 0 FROM TaxSettings");
                await migrator.MigrateAsync(BeforeSales);
                (await Scalar(db, "SELECT CAST(TaxRatePercent AS TEXT) FROM StudioSettings")).ShouldBe("5.0");

                // A studio at 8.25% before Sales: up, it has tax settings with that rate as its one "Sales tax".
                await db.Database.ExecuteSqlRawAsync("UPDATE StudioSettings SET TaxRatePercent = '8.25'");
                await migrator.MigrateAsync();
                db.ChangeTracker.Clear();
                var tax = await db.SalesTaxSettings.SingleAsync();
                tax.Rates.Single().ShouldSatisfyAllConditions(r => r.Name.ShouldBe("Sales tax"), r => r.RatePercent.Value.ShouldBe(8.25m));
                (tax.TaxIncludedInPrices, tax.DigitalItemsTaxable, tax.ShippingTaxable, tax.Version).ShouldBe((false, true, false, 1));
            });
        }
        finally
        {
            await ((IAsyncLifetime)maker).DisposeAsync();
        }
    }

    static async Task<string?> Scalar(StudioApi.Platform.Persistence.StudioDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
