using Microsoft.EntityFrameworkCore;
using StudioApi.Addresses;
using StudioApi.Features.Organizations;
using StudioApi.Features.Settings;
using StudioApi.Persistence;

namespace StudioApi.Seeding;

/// <summary>A small demo studio so a new install has something to look at: a school with a few students and some clients.</summary>
public static class DemoStudio
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(ct))
            return;

        var school = new Organization
        {
            Name = "Lincoln High School",
            Code = "LHS",
            Address = new PostalAddress { Line1 = "1200 Lincoln Ave", City = "Springfield", Region = "IL", PostalCode = "62704", Country = "US" },
            Phone = "+1 217 555 0100",
            Email = "office@lincolnhigh.example",
            Contacts = [new OrganizationContact { Name = "Dana Whitfield", Role = "Yearbook adviser", Email = "dwhitfield@lincolnhigh.example" }],
            YearbookImageSpec = new YearbookImageSpec { WidthPx = 640, HeightPx = 800, Dpi = 300, FileNamePattern = "{studentId}" },
        };
        db.Organizations.Add(school);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo studio: a portrait studio by a lake in Wisconsin, open Saturdays too.</summary>
    public static StudioSettings Settings() => new()
    {
        Name = "Lakeside Portrait Studio",
        Address = new PostalAddress { Line1 = "48 Shoreline Drive", City = "Lake Geneva", Region = "WI", PostalCode = "53147", Country = "US" },
        Phone = "+1 262 555 0148",
        Email = "hello@lakesideportraits.example",
        Website = "https://lakesideportraits.example",
        TimeZone = "America/Chicago",
        Currency = "USD",
        TaxRatePercent = 8.25m,
        WorkingDays = [.. StudioSettings.MondayToFriday, DayOfWeek.Saturday],
        ClosedDates =
        [
            new ClosedDate { Date = new DateOnly(DateTime.UtcNow.Year, 12, 25), Description = "Christmas Day" },
            new ClosedDate { Date = new DateOnly(DateTime.UtcNow.Year + 1, 1, 1), Description = "New Year's Day" },
        ],
    };
}
