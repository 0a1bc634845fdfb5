using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Setup;
using StudioApi.Platform.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// The demo studio's vendors, so production orders go somewhere at once: a lab taking orders through its API, the
/// default vendor of prints and albums, and a framer the studio orders from by hand, the default vendor of frames.
/// </summary>
public static class DemoProduction
{
    public static async Task SeedAsync(StudioDbContext db, CancellationToken ct)
    {
        if (await db.Vendors.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var types = await db.ProductionTypes.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        List<VendorProductionType> Defaults(params string[] names) =>
            names.Where(types.ContainsKey).Select(n => new VendorProductionType { ProductionTypeId = types[n] }).ToList();
        db.Vendors.AddRange(
            new Vendor
            {
                Name = "Lakeside Photo Lab", ContactName = "Dana Ortiz", Email = "orders@lakeside-lab.example", Phone = "(217) 555-0142",
                AccountNumber = "ST-20931", SubmissionMethod = SubmissionMethod.LabApi, LabProtocol = LabProtocol.Whcc,
                Notes = "Next-day prints when ordered before 2 pm.", ProductionTypes = Defaults("Prints", "Albums"),
            },
            new Vendor
            {
                Name = "Oak & Glass Framing", ContactName = "Sam Whitaker", Phone = "(217) 555-0177", SubmissionMethod = SubmissionMethod.Manual,
                Notes = "Call in frame orders; pick-up on Fridays.", ProductionTypes = Defaults("Frames"),
            });
        await db.SaveChangesAsync(ct);
    }
}
