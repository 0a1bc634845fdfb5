using Microsoft.EntityFrameworkCore;
using StudioApi.Addresses;
using StudioApi.Features.Organizations;
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
}
