using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Notes;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;

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

        await SeedTasksAsync(db, ct);
        await SeedScheduleAsync(db, school, ct);
        await DemoSales.SeedAsync(db, ct);
        await DemoProduction.SeedAsync(db, ct);

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

    /// <summary>
    /// A camera room, a family session next week and the school's picture day a fortnight out (one session per
    /// student), and the proofing render: a watermarked proofs profile run automatically when a session is quality
    /// checked (a render job; a failed render sends the session back to Photographed for a look), so a kiosk demo can
    /// import, proof and watch a session move on by itself.
    /// </summary>
    static async Task SeedScheduleAsync(StudioDbContext db, Organization school, CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var zone = StudioClock.Zone(settings.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(db.UtcNow, zone));
        var types = await db.SessionTypes.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var relationships = await db.Relationships.ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        var room = new Resource { Name = "Camera Room 1", Kind = ResourceKind.CameraRoom };
        db.Resources.Add(room);
        await db.SaveChangesAsync(ct);

        var number = await db.Sessions.IgnoreQueryFilters().MaxAsync(s => (int?)s.Number, ct) ?? 0;
        Session Booked(long clientId, string type, DateOnly date, TimeOnly start, int minutes) => new()
        {
            Number = ++number,
            ClientId = clientId,
            SessionTypeId = types[type],
            Date = date,
            StartTime = start,
            EndTime = start.AddMinutes(minutes),
            // Mornings never fall in a daylight-saving gap (those are at night), so these resolve.
            StartsAt = StudioClock.ToUtc(date, start, zone)!.Value,
            EndsAt = StudioClock.ToUtc(date, start.AddMinutes(minutes), zone)!.Value,
            ResourceId = room.Id,
            BookedBy = RecordAuthor.System,
            BookedOn = db.UtcNow,
        };

        var carter = await db.Clients.Where(c => c.LastName == "Carter").OrderByDescending(c => c.Id).FirstAsync(ct);
        var family = Booked(carter.Id, "Family", today.AddDays(7), new TimeOnly(10, 0), 60);
        family.Description = "Family portraits in the garden set";
        family.Confirmed = true;
        family.Reminder = true;
        family.Participants =
        [
            new SessionParticipant { FirstName = "Tom", LastName = "Carter", RelationshipId = relationships["Spouse"] },
            new SessionParticipant { FirstName = "Lily", LastName = "Carter", RelationshipId = relationships["Child"] },
        ];
        family.ScheduleReminder();
        db.Sessions.Add(family);

        var students = await db.Clients.Where(c => c.Student != null && c.Student.OrganizationId == school.Id)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ToListAsync(ct);
        var slot = new TimeOnly(9, 0);
        foreach (var student in students)
        {
            var session = Booked(student.Id, "School Picture Day", today.AddDays(14), slot, 5);
            (session.OrganizationId, session.StudentId, session.GraduationYear) = (school.Id, student.Student!.StudentId, student.Student.GraduationYear);
            db.Sessions.Add(session);
            slot = slot.AddMinutes(5);
        }
        await db.SaveChangesAsync(ct);

        var profile = new RenderProfile
        {
            Name = "Proofs (1600 px, watermarked)",
            Size = new RenderSize { Mode = SizeMode.LongEdge, LongEdgePx = 1600 },
            Quality = 85,
            Dpi = 72,
            Sharpening = Sharpening.Light,
            Watermark = new RenderWatermark { Kind = WatermarkKind.Text, Text = "PROOF", Opacity = 0.35, Position = WatermarkPosition.Center, Size = 0.12 },
            FileNamePattern = "{sessionNumber}-{imageNumber}",
        };
        db.RenderProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        var statuses = await db.StatusDefinitions.Where(s => s.Kind == RecordKind.Session && s.TypeId == null)
            .ToDictionaryAsync(s => s.Description, s => s.Id, ct);
        if (statuses.TryGetValue("Quality Checked", out var trigger) && statuses.TryGetValue("Proofs Ready", out var success)
            && statuses.TryGetValue("Photographed", out var failure))
        {
            db.RenderJobs.Add(new RenderJob
            {
                Name = "Proofs when quality checked",
                ProfileId = profile.Id,
                TriggerStatusId = trigger,
                SuccessStatusId = success,
                FailureStatusId = failure,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A few open customer-service tickets on the demo clients, one of them assigned to the administrator.</summary>
    static async Task SeedTasksAsync(StudioDbContext db, CancellationToken ct)
    {
        var types = await db.TaskTypes.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var admin = await db.Users.OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var reprint = new StudioTask
        {
            TaskTypeId = types["Reprint"],
            Title = "Reprint 8x10 with a scratch",
            Description = "The 8x10 from the family session arrived scratched; reprint it at no charge.",
            ClientId = await DemoClientIdAsync("Carter"),
            AssignedUserId = admin,
            DueDate = today.AddDays(3),
            Priority = TaskPriority.High,
        };
        db.Tasks.AddRange(
            reprint,
            new StudioTask
            {
                TaskTypeId = types["Retouch Request"],
                Title = "Remove braces glare on senior portrait",
                Description = "Guardian asked for the glare on the braces to be softened before the yearbook deadline.",
                ClientId = await DemoClientIdAsync("Nguyen"),
                DueDate = today.AddDays(7),
            },
            new StudioTask
            {
                TaskTypeId = types["Customer Service"],
                Title = "Send staff headshot proofs again",
                Description = "The office manager could not find the proof link; resend it.",
                ClientId = await DemoClientIdAsync("Prairie Dental Group"),
                Priority = TaskPriority.Low,
            });
        await db.SaveChangesAsync(ct);

        db.RecordNotes.Add(new RecordNote
        {
            Kind = RecordKind.Task, RecordId = reprint.Id, Text = "Called Jane: she will bring the scratched print back on Saturday.",
            Author = RecordAuthor.System, CreatedAt = db.UtcNow,
        });
        await db.SaveChangesAsync(ct);

        // The newest client of that name: the one just seeded, even if the studio had clients before.
        Task<long> DemoClientIdAsync(string lastNameOrCompany) => db.Clients
            .Where(c => c.LastName == lastNameOrCompany || c.Company == lastNameOrCompany)
            .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync(ct);
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
        WorkingDays = [.. StudioSettings.MondayToFriday, DayOfWeek.Saturday],
        OpeningHours = [.. StudioSettings.MondayToFriday.Select(day => new OpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) }),
            new OpeningHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(14, 0) }],
        ClosedDates =
        [
            new ClosedDate { Date = new DateOnly(DateTime.UtcNow.Year, 12, 25), Description = "Christmas Day" },
            new ClosedDate { Date = new DateOnly(DateTime.UtcNow.Year + 1, 1, 1), Description = "New Year's Day" },
        ],
    };
}
