using Microsoft.EntityFrameworkCore;
using StudioApi.Addresses;
using StudioApi.Features.Clients;
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

        // Reference data runs first, so the relationships are there.
        var relationships = await db.Relationships.ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        var number = await db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number, ct) ?? 0;
        db.Clients.AddRange(
            new Client
            {
                Number = ++number,
                FirstName = "Jane",
                LastName = "Carter",
                ReferralSource = "Friend",
                BirthDate = new DateOnly(1984, 5, 12),
                Addresses = [new ClientAddress
                {
                    Label = "home", IsPrimary = true,
                    Address = new PostalAddress { Line1 = "45 Maple St", City = "Springfield", Region = "IL", PostalCode = "62701", Country = "US" },
                }],
                Phones =
                [
                    Phone("mobile", "(217) 555-0142", sms: true, primary: true),
                    Phone("home", "(217) 555-0188", sms: false, primary: false),
                ],
                Emails = [new ClientEmail { Label = "home", Address = "jane.carter@example.com", IsPrimary = true }],
                FamilyMembers =
                [
                    new FamilyMember { FirstName = "Tom", LastName = "Carter", RelationshipId = relationships["Spouse"], Phone = "(217) 555-0143" },
                    new FamilyMember { FirstName = "Lily", LastName = "Carter", RelationshipId = relationships["Child"], BirthDate = new DateOnly(2016, 9, 3) },
                ],
            },
            new Client
            {
                Number = ++number,
                Kind = ClientKind.Business,
                Company = "Prairie Dental Group",
                ReferralSource = "Chamber of Commerce",
                Addresses = [new ClientAddress
                {
                    Label = "work", IsPrimary = true,
                    Address = new PostalAddress { Line1 = "300 Monroe St", Line2 = "Suite 210", City = "Springfield", Region = "IL", PostalCode = "62701", Country = "US" },
                }],
                Phones = [Phone("office", "(217) 555-0300", sms: false, primary: true)],
                Emails = [new ClientEmail { Label = "office", Address = "office@prairiedental.example", IsPrimary = true }],
                FamilyMembers = [new FamilyMember { FirstName = "Maria", LastName = "Lopez", RelationshipId = relationships["Other"], Notes = "Office manager; books the staff headshots." }],
            },
            Student(++number, "Ava", "Nguyen", "100231", "12", 2026, "Linh Nguyen", "(217) 555-0211"),
            Student(++number, "Noah", "Brooks", "100232", "12", 2026, "Karen Brooks", "(217) 555-0212"),
            Student(++number, "Mia", "Patel", "100457", "11", 2027, "Raj Patel", "(217) 555-0213"));
        await db.SaveChangesAsync(ct);

        Client Student(int clientNumber, string first, string last, string studentId, string grade, int graduationYear, string guardian, string guardianPhone) => new()
        {
            Number = clientNumber,
            FirstName = first,
            LastName = last,
            Phones = [Phone("guardian", guardianPhone, sms: true, primary: true)],
            Student = new ClientStudent
            {
                OrganizationId = school.Id,
                StudentId = studentId,
                Grade = grade,
                Homeroom = $"Room {200 + int.Parse(grade)}",
                GraduationYear = graduationYear,
                GuardianName = guardian,
                GuardianPhone = guardianPhone,
            },
        };
    }

    static ClientPhone Phone(string label, string number, bool sms, bool primary) =>
        new() { Label = label, Number = number, Digits = ClientPhone.DigitsOf(number), SmsCapable = sms, IsPrimary = primary };

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
