using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Hosting;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;
using StudioApi.Seeding;

namespace StudioApi.Benchmarks;

/// <summary>
/// A large studio in a SQLite file built with the real migrations (--seed-large): 100,000 clients with phones, emails
/// and family members (surnames drawn from a skewed list, so many share one; some with accents and apostrophes), a
/// quarter of them students of 200 schools; 300,000 sessions over two years (18 months back, 6 ahead) with statuses
/// along the session workflow; a million image rows (metadata only); status-log entries, notes, tasks, appointments and
/// render runs. Reference data goes through EF (as the app writes it); the bulk rows through raw ADO.NET batches in one
/// transaction, with the columns the app derives (sort keys, search terms) written by the app's own code.
/// </summary>
public static class LargeStudio
{
    public sealed record Size(int Clients = 100_000, int Sessions = 300_000, int Images = 1_000_000, int Schools = 200,
        int Photographers = 8, int Tasks = 20_000, int Appointments = 20_000, int Notes = 100_000, int RenderRuns = 2_000);

    public const string AdminPassword = "large-studio-admin-password";
    public const string TimeZone = "America/Chicago";
    /// <summary>The two photographers online booking offers; they shoot few of the generated sessions, so slots stay free.</summary>
    public const string BookableTypeName = "Mini session (online)";

    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "studioapi-large");

    public static string[] AppArguments(string directory) =>
    [
        $"--Storage:DataDirectory={directory}", "--Seed:DemoData=false", "--Admin:Username=admin", $"--Admin:Password={AdminPassword}",
        "--Logging:LogLevel:Default=Warning", "--RateLimits:RequestsPerMinute=100000000", "--RateLimits:OnlineBookingPerMinute=100000000",
        "--RateLimits:SignInPerMinute=100000000",
        "--Jobs:Enabled=false",
    ];

    public static async Task SeedAsync(string directory, Size size)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var total = Stopwatch.StartNew();

        var reference = await ArrangeReferenceDataAsync(directory, size);
        Console.WriteLine($"Migrated and arranged reference data in {total.Elapsed.TotalSeconds:F1} s");

        var file = Path.Combine(directory, "studio.db");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var writer = new Writer(connection, transaction, reference, size, new Random(2026));
            writer.Write();
            await transaction.CommitAsync();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Seeded {file} ({new FileInfo(file).Length / 1024 / 1024:N0} MiB) in {total.Elapsed.TotalSeconds:F1} s");
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal sealed record Reference(
        long[] Photographers, long[] Resources, long[] Schools, long[] Relationships, long[] SessionTypes, long[] TaskTypes,
        Dictionary<RecordKind, StatusDefinition[]> Statuses, long RenderProfileId, DateOnly Today, TimeZoneInfo Zone);

    /// <summary>The app migrates and seeds itself; users, rooms, schools and a render profile go in through EF.</summary>
    static async Task<Reference> ArrangeReferenceDataAsync(string directory, Size size)
    {
        await using var app = StudioApiApplication.Build(AppArguments(directory));
        await DatabaseStartup.MigrateAsync(app.Services);
        await StudioSeeding.SeedAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
        settings.TimeZone = TimeZone;
        settings.OpeningHours = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
            .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) })];

        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var photographers = Enumerable.Range(1, size.Photographers).Select(i => new User
        {
            Username = $"photographer{i}", DisplayName = $"Photographer {i}", Role = UserRole.Photographer,
        }).ToList();
        foreach (var user in photographers)
            user.PasswordHash = hasher.HashPassword(user, "not-used-here");
        var rooms = Enumerable.Range(1, 4).Select(i => new Resource { Name = $"Camera room {i}", Kind = ResourceKind.CameraRoom, SortOrder = i }).ToList();
        var schools = Enumerable.Range(1, size.Schools).Select(i => new Organization
        {
            Name = $"{Names.SchoolPlaces[i % Names.SchoolPlaces.Length]} {Names.SchoolKinds[i % Names.SchoolKinds.Length]} {i}",
            Code = $"SCH{i:D4}",
        }).ToList();
        var profile = new RenderProfile { Name = "Proofs (large studio)" };
        db.Users.AddRange(photographers);
        db.Resources.AddRange(rooms);
        db.Organizations.AddRange(schools);
        db.RenderProfiles.Add(profile);
        await db.SaveChangesAsync();
        db.SessionTypes.Add(new SessionType
        {
            Name = BookableTypeName, DefaultLengthMinutes = 30, SortOrder = 100, OnlineBookable = true,
            BookingRules = new BookingRules
            {
                BufferAfterMinutes = 10, MinNoticeHours = 0, MaxDaysAhead = 365,
                PhotographerIds = [photographers[0].Id, photographers[1].Id],
            },
        });
        await db.SaveChangesAsync();

        var statuses = (await db.StatusDefinitions.AsNoTracking().ToListAsync())
            .GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Order).ToArray());
        var zone = StudioClock.Zone(TimeZone);
        return new Reference(
            [.. photographers.Select(u => u.Id)], [.. rooms.Select(r => r.Id)], [.. schools.Select(o => o.Id)],
            await db.Relationships.Select(r => r.Id).ToArrayAsync(),
            await db.SessionTypes.Where(t => !t.OnlineBookable).Select(t => t.Id).ToArrayAsync(),
            await db.TaskTypes.Select(t => t.Id).ToArrayAsync(),
            statuses, profile.Id,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone)), zone);
    }

    /// <summary>Prepared INSERTs, one per table, reused for every row.</summary>
    sealed class Insert
    {
        readonly SqliteCommand command;
        readonly SqliteParameter[] parameters;

        public Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            parameters = columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
            command.Prepare();
        }

        public void Row(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                parameters[i].SqliteType = value switch
                {
                    long or int or bool => SqliteType.Integer,
                    double => SqliteType.Real,
                    _ => SqliteType.Text,
                };
                parameters[i].Value = value switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    DateTime t => Text(t),
                    DateOnly d => Text(d),
                    TimeOnly t => Text(t),
                    _ => value,
                };
            }
            command.ExecuteNonQuery();
        }
    }

    // The text forms EF Core's SQLite provider writes, so the app compares and orders these values like its own.
    static string Text(DateTime utc) => utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
    static string Text(DateOnly date) => date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);
    static string Text(TimeOnly time) => time.ToString(@"HH\:mm\:ss", CultureInfo.InvariantCulture);

    sealed class Writer(SqliteConnection connection, SqliteTransaction transaction, Reference reference, Size size, Random random)
    {
        readonly Dictionary<string, Insert> inserts = [];
        readonly List<ClientRow> clients = new(size.Clients);
        readonly List<SessionRow> sessions = new(size.Sessions);
        long nextClientId = 1, nextSessionId = 1, nextImageId = 1;
        readonly DateTime now = DateTime.UtcNow;

        Insert Table(string table, params string[] columns)
        {
            if (!inserts.TryGetValue(table, out var insert))
                inserts[table] = insert = new Insert(connection, transaction, table, columns);
            return insert;
        }

        sealed record ClientRow(long Id, string? FirstName, string? LastName, bool Student, long? OrganizationId, string? StudentId, int? GraduationYear);
        sealed record SessionRow(long Id, int Number, long ClientId, DateOnly Date, bool Past);

        public void Write()
        {
            Timed("clients", WriteClients);
            Timed("sessions", WriteSessions);
            Timed("images", WriteImages);
            Timed("notes", WriteNotes);
            Timed("tasks", WriteTasks);
            Timed("appointments", WriteAppointments);
            Timed("render runs", WriteRenderRuns);
        }

        static void Timed(string what, Action write)
        {
            var clock = Stopwatch.StartNew();
            write();
            Console.WriteLine($"  {what}: {clock.Elapsed.TotalSeconds:F1} s");
        }

        T Pick<T>(T[] items) => items[random.Next(items.Length)];

        /// <summary>Rank-skewed (Zipf-like) choice: the first names of the list are far more common than the last.</summary>
        string Skewed(string[] items) => items[(int)(items.Length * Math.Pow(random.NextDouble(), 1.6))];

        DateTime Instant(DateOnly date, int minutesIntoDay = 600) =>
            TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutesIntoDay), reference.Zone);

        /// <summary>Business days approximated as 7/5 calendar days: close enough for due dates in a benchmark.</summary>
        static DateOnly Due(DateOnly statusDate, int businessDays) => statusDate.AddDays(businessDays * 7 / 5);

        void StatusLog(string kind, long recordId, StatusDefinition? from, StatusDefinition to, DateOnly date, DateTime at)
        {
            Table("StatusLogEntries", "Kind", "RecordId", "TypeId", "FromStatusId", "ToStatusId", "FromDescription", "ToDescription",
                    "Note", "ChangedBy", "ChangedAt", "StatusDate", "DueDate")
                .Row(kind, recordId, null, from?.Id, to.Id, from?.Description, to.Description, null, "admin", at, date, Due(date, to.DurationBusinessDays));
        }

        void WriteClients()
        {
            var statuses = reference.Statuses[RecordKind.Client];
            var (prospect, customer, schoolStatus, inactive) = (statuses[0], statuses[1], statuses[2], statuses[^1]);
            var studentsPerSchool = new int[reference.Schools.Length];
            for (var i = 0; i < size.Clients; i++)
            {
                var id = nextClientId++;
                var roll = random.NextDouble();
                var kind = roll < 0.05 ? "Business" : "Consumer";
                var student = kind == "Consumer" && roll > 0.75;
                var lastName = Skewed(Names.LastNames);
                var firstName = Pick(Names.FirstNames);
                string? company = kind == "Business" ? $"{lastName} {Pick(Names.Businesses)}" : null;
                long? organizationId = null;
                string? studentId = null;
                int? graduationYear = null;
                if (student)
                {
                    var school = random.Next(reference.Schools.Length);
                    organizationId = reference.Schools[school];
                    studentId = random.Next(2) == 0 ? $"S{school:D3}-{++studentsPerSchool[school]:D5}" : $"{school + 1:D3}{++studentsPerSchool[school]:D4}";
                    graduationYear = reference.Today.Year + random.Next(0, 13);
                }
                var created = now.AddDays(-random.Next(1, 3650));
                var statusDate = reference.Today.AddDays(-random.Next(0, 730));
                var status = student ? schoolStatus : statusDate < reference.Today.AddDays(-365) ? inactive : random.Next(4) == 0 ? prospect : customer;
                var deleted = random.Next(100) == 0 ? created.AddDays(1) : (DateTime?)null;
                var storedFirst = kind == "Business" && random.Next(3) == 0 ? null : firstName;
                var storedLast = kind == "Business" && random.Next(3) == 0 ? null : lastName;
                var referral = random.Next(5) == 0 ? "Referral" : null;
                DateOnly? birthDate = student ? new DateOnly(graduationYear!.Value - 18, 1 + random.Next(12), 1 + random.Next(28)) : null;
                var guardian = student ? $"{Pick(Names.FirstNames)} {lastName}" : null;
                var phones = Enumerable.Range(0, roll < 0.03 ? 0 : random.Next(4) == 0 ? 2 : 1).Select(_ => Phone()).ToList();
                var email = random.Next(10) != 0 ? $"{Ascii(firstName)}.{Ascii(lastName)}{random.Next(1, 999)}@{Pick(Names.Domains)}" : null;
                var address = kind == "Consumer" && random.Next(5) < 3
                    ? ($"{random.Next(1, 9999)} {Pick(Names.Streets)}", Pick(Names.SchoolPlaces), $"{60000 + random.Next(3000)}")
                    : default((string, string, string)?);
                var family = Enumerable.Range(0, kind == "Consumer" && !student ? random.Next(0, 4) : 0)
                    .Select(_ => (First: Pick(Names.FirstNames), Relationship: Pick(reference.Relationships), Phone: random.Next(3) == 0 ? Phone().Number : null))
                    .ToList();

                // The sort keys and search terms, by the app's own rules (what saving the client through the app writes).
                var entity = new Client
                {
                    FirstName = storedFirst, LastName = storedLast, Company = company,
                    Phones = [.. phones.Select(p => new ClientPhone { Number = p.Number, Digits = p.Digits })],
                    Emails = email is null ? [] : [new ClientEmail { Address = email }],
                    Student = student ? new ClientStudent { OrganizationId = organizationId!.Value, StudentId = studentId } : null,
                };
                var terms = entity.IndexText().ToHashSet(StringComparer.Ordinal);

                Table("Clients", "Id", "Number", "Kind", "FirstName", "LastName", "Company", "ReferralSource", "BirthDate", "EmailOptOut", "SmsOptOut",
                        "StudentOrganizationId", "StudentId", "StudentGrade", "StudentGraduationYear", "StudentGuardianName",
                        "StatusId", "StatusChangedAt", "StatusDate", "StatusDueDate",
                        "NameSortKey", "FirstNameSortKey", "CompanySortKey", "SearchIndexVersion",
                        "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "DeletedAt", "DeletedBy")
                    .Row(id, (int)id, kind, storedFirst, storedLast, company, referral, birthDate,
                        false, false, organizationId, studentId, student ? (12 - (graduationYear - reference.Today.Year)).ToString() : null, graduationYear,
                        guardian, status.Id, Instant(statusDate), statusDate, Due(statusDate, status.DurationBusinessDays),
                        entity.NameSortKey, entity.FirstNameSortKey, entity.CompanySortKey, SearchText.Version,
                        1, created, "admin", created, "admin", deleted, deleted is null ? null : "admin");
                StatusLog("Client", id, null, status, statusDate, Instant(statusDate));
                clients.Add(new ClientRow(id, firstName, lastName, student, organizationId, studentId, graduationYear));
                foreach (var term in terms)
                    Table("ClientSearchTerms", "RecordId", "Term").Row(id, term);

                for (var p = 0; p < phones.Count; p++)
                    Table("ClientPhones", "ClientId", "Label", "Number", "Digits", "SmsCapable", "IsPrimary")
                        .Row(id, p == 0 ? "mobile" : "home", phones[p].Number, phones[p].Digits, p == 0, p == 0);
                if (email is not null)
                    Table("ClientEmails", "ClientId", "Label", "Address", "IsPrimary").Row(id, "personal", email, true);
                if (address is var (line1, city, postalCode))
                    Table("ClientAddresses", "ClientId", "Label", "Address_Line1", "Address_City", "Address_Region", "Address_PostalCode", "Address_Country", "IsPrimary")
                        .Row(id, "home", line1, city, "IL", postalCode, "US", true);
                foreach (var member in family)
                    Table("ClientFamilyMembers", "ClientId", "FirstName", "LastName", "RelationshipId", "Phone", "Email", "BirthDate", "Notes")
                        .Row(id, member.First, lastName, member.Relationship, member.Phone, null, null, null);
            }
        }

        (string Number, string Digits) Phone()
        {
            var area = Pick(Names.AreaCodes);
            var exchange = random.Next(200, 1000);
            var line = random.Next(0, 10_000);
            var number = random.Next(4) switch
            {
                0 => $"({area}) {exchange}-{line:D4}",
                1 => $"{area}-{exchange}-{line:D4}",
                2 => $"{area}.{exchange}.{line:D4}",
                _ => $"+1 {area} {exchange} {line:D4}",
            };
            return (number, new string(number.Where(char.IsAsciiDigit).ToArray()));
        }

        static string Ascii(string? name) =>
            new string((name ?? "x").Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();

        void WriteSessions()
        {
            var statuses = reference.Statuses[RecordKind.Session];
            var booked = statuses[0];
            var archived = statuses[^1];
            var first = reference.Today.AddMonths(-18);
            var days = reference.Today.AddMonths(6).DayNumber - first.DayNumber;
            var students = clients.Where(c => c.Student).ToArray();
            for (var i = 0; i < size.Sessions; i++)
            {
                var id = nextSessionId++;
                var date = first.AddDays(random.Next(days));
                var client = random.Next(4) == 0 && students.Length > 0 ? students[random.Next(students.Length)] : clients[random.Next(clients.Count)];
                var start = new TimeOnly(8, 0).AddMinutes(15 * random.Next(0, 44));
                var end = start.AddMinutes(30 * random.Next(1, 4));
                if (end < start)
                    end = new TimeOnly(23, 45);
                var startsAt = StudioClock.ToUtc(date, start, reference.Zone) ?? date.ToDateTime(start, DateTimeKind.Utc);
                var endsAt = StudioClock.ToUtc(date, end, reference.Zone) ?? date.ToDateTime(end, DateTimeKind.Utc);
                var past = date < reference.Today;
                var bookedOn = Instant(date.AddDays(-random.Next(1, 90)), random.Next(480, 1080));
                // Past sessions are mostly archived; the last two months move along the workflow, with some overdue.
                var status = !past ? booked
                    : date < reference.Today.AddDays(-60) && random.Next(20) != 0 ? archived
                    : statuses[1 + random.Next(statuses.Length - 2)];
                var statusDate = past ? date.AddDays(random.Next(0, Math.Max(1, reference.Today.DayNumber - date.DayNumber))) : DateOnly.FromDateTime(bookedOn);
                // Two photographers (those online booking offers) shoot few sessions.
                var photographer = random.Next(50) == 0 ? reference.Photographers[random.Next(2)] : reference.Photographers[2 + random.Next(reference.Photographers.Length - 2)];
                var deleted = random.Next(100) == 0 ? bookedOn.AddDays(1) : (DateTime?)null;
                var fileNumber = random.Next(10) < 3 ? $"F{date:yyMM}-{random.Next(10_000):D4}" : null;
                var sessionType = client.Student ? reference.SessionTypes[0] : Pick(reference.SessionTypes);
                var description = random.Next(10) < 6 ? Pick(Names.Descriptions) : null;
                Table("Sessions", "Id", "Number", "FileNumber", "ClientId", "SessionTypeId", "Description", "Date", "StartTime", "EndTime", "StartsAt", "EndsAt",
                        "PhotographerId", "ResourceId", "BookedBy", "BookedOn", "Reminder", "ReminderMinutesBefore", "Confirmed", "NoShow", "Redo", "OnHold", "Cancelled",
                        "OrganizationId", "StudentId", "GraduationYear", "OnlineEventType", "StatusId", "StatusChangedAt", "StatusDate", "StatusDueDate",
                        "SearchIndexVersion", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "DeletedAt", "DeletedBy")
                    .Row(id, (int)id, fileNumber, client.Id, sessionType, description, date, start, end, startsAt, endsAt,
                        photographer, random.Next(10) < 4 ? Pick(reference.Resources) : null, "admin", bookedOn, false, 30,
                        past || random.Next(2) == 0, past && random.Next(100) == 0, false, false, random.Next(33) == 0,
                        client.OrganizationId, client.StudentId, client.GraduationYear, "None",
                        status.Id, Instant(statusDate), statusDate, Due(statusDate, status.DurationBusinessDays),
                        SearchText.Version, 1, bookedOn, "admin", bookedOn, "admin", deleted, deleted is null ? null : "admin");
                foreach (var term in new Session { Description = description, FileNumber = fileNumber }.IndexText().ToHashSet(StringComparer.Ordinal))
                    Table("SessionSearchTerms", "RecordId", "Term").Row(id, term);
                StatusLog("Session", id, null, booked, DateOnly.FromDateTime(bookedOn), bookedOn);
                if (status.Id != booked.Id)
                    StatusLog("Session", id, booked, status, statusDate, Instant(statusDate));
                if (!client.Student && random.Next(10) < 3)
                    for (var p = random.Next(1, 3); p > 0; p--)
                        Table("SessionParticipants", "SessionId", "FirstName", "LastName", "RelationshipId")
                            .Row(id, Pick(Names.FirstNames), client.LastName, Pick(reference.Relationships));
                sessions.Add(new SessionRow(id, (int)id, client.Id, date, past));
            }
        }

        void WriteImages()
        {
            var past = sessions.Where(s => s.Past).ToArray();
            var perSession = (double)size.Images / past.Length;
            var written = 0;
            var hash = new byte[32];
            for (var s = 0; s < past.Length && written < size.Images; s++)
            {
                var session = past[s];
                // Spread evenly so the total lands on the target.
                var count = (int)(perSession * (s + 1)) - (int)(perSession * s);
                var taken = Instant(session.Date, 600);
                for (var n = 1; n <= count; n++)
                {
                    random.NextBytes(hash);
                    var selected = random.Next(5) == 0;
                    Table("SessionImages", "Id", "SessionId", "Number", "OriginalFileName", "Format", "ContentType", "ByteSize", "Sha256", "Width", "Height",
                            "Orientation", "CaptureTime", "CameraMake", "CameraModel", "StorageKey", "RenditionState", "RenditionAttempts", "RenditionsReadyAt",
                            "ProofState", "Favorite", "HiddenOnline", "Rotation", "YearbookRole", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
                        .Row(nextImageId++, session.Id, n, $"IMG_{n:D4}.JPG", "Jpeg", "image/jpeg", 6_000_000L + random.Next(4_000_000), Convert.ToHexStringLower(hash),
                            6000, 4000, 1, taken.AddSeconds(n * 20).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), "Canon", "EOS R6",
                            $"images/{session.Id}/{n}", "Ready", 0, taken.AddHours(1), selected ? "Selected" : "Unmarked", selected && random.Next(3) == 0, false, 0, "None",
                            1, taken.AddHours(1), "admin", taken.AddHours(1), "admin");
                    written++;
                }
            }
        }

        void WriteNotes()
        {
            for (var i = 0; i < size.Notes; i++)
            {
                var onClient = i % 2 == 0;
                var recordId = onClient ? clients[random.Next(clients.Count)].Id : sessions[random.Next(sessions.Count)].Id;
                Table("RecordNotes", "Kind", "RecordId", "Text", "Author", "CreatedAt")
                    .Row(onClient ? "Client" : "Session", recordId, Pick(Names.Notes), "admin", now.AddMinutes(-random.Next(1_000_000)));
            }
        }

        void WriteTasks()
        {
            var statuses = reference.Statuses[RecordKind.Task];
            for (var i = 0; i < size.Tasks; i++)
            {
                var created = now.AddMinutes(-random.Next(1_000_000));
                var status = statuses[random.Next(statuses.Length)];
                var statusDate = DateOnly.FromDateTime(created);
                var task = new StudioTask
                {
                    TaskTypeId = Pick(reference.TaskTypes), Title = Pick(Names.TaskTitles), ClientId = clients[random.Next(clients.Count)].Id,
                    SessionId = random.Next(2) == 0 ? sessions[random.Next(sessions.Count)].Id : null,
                    AssignedUserId = random.Next(3) == 0 ? null : Pick(reference.Photographers),
                    DueDate = random.Next(3) == 0 ? null : statusDate.AddDays(random.Next(1, 30)),
                };
                Table("Tasks", "TaskTypeId", "Title", "Description", "ClientId", "SessionId", "AssignedUserId", "DueDate", "DueSortKey", "Priority",
                        "StatusId", "StatusChangedAt", "StatusDate", "StatusDueDate", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
                    .Row(task.TaskTypeId, task.Title, null, task.ClientId, task.SessionId, task.AssignedUserId, task.DueDate, task.DueSortKey, random.Next(4),
                        status.Id, created, statusDate, Due(statusDate, status.DurationBusinessDays), 1, created, "admin", created, "admin");
            }
        }

        void WriteAppointments()
        {
            var first = reference.Today.AddMonths(-18);
            var days = reference.Today.AddMonths(6).DayNumber - first.DayNumber;
            var id = 1L;
            for (var i = 0; i < size.Appointments; i++, id++)
            {
                var date = first.AddDays(random.Next(days));
                var start = new TimeOnly(8, 0).AddMinutes(30 * random.Next(0, 20));
                var end = start.AddMinutes(30);
                Table("Appointments", "Id", "ClientId", "Title", "Date", "StartTime", "EndTime", "StartsAt", "EndsAt", "ResourceId", "Cancelled",
                        "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
                    .Row(id, random.Next(2) == 0 ? clients[random.Next(clients.Count)].Id : null, Pick(Names.AppointmentTitles), date, start, end,
                        StudioClock.ToUtc(date, start, reference.Zone) ?? date.ToDateTime(start, DateTimeKind.Utc),
                        StudioClock.ToUtc(date, end, reference.Zone) ?? date.ToDateTime(end, DateTimeKind.Utc),
                        random.Next(3) == 0 ? Pick(reference.Resources) : null, random.Next(30) == 0, 1, now, "admin", now, "admin");
                Table("AppointmentStaff", "AppointmentId", "UserId").Row(id, reference.Photographers[2 + random.Next(reference.Photographers.Length - 2)]);
            }
        }

        void WriteRenderRuns()
        {
            var past = sessions.Where(s => s.Past).ToArray();
            for (var id = 1L; id <= size.RenderRuns; id++)
            {
                var created = now.AddMinutes(-random.Next(1_000_000));
                Table("RenderRuns", "Id", "ProfileId", "ProfileName", "State", "Total", "Done", "Failed", "CreatedBy", "CreatedAt", "StartedAt", "FinishedAt")
                    .Row(id, reference.RenderProfileId, "Proofs (large studio)", "Completed", 8, 8, 0, "admin", created, created, created.AddMinutes(2));
                for (var s = random.Next(1, 4); s > 0; s--)
                {
                    var session = past[random.Next(past.Length)];
                    Table("RenderRunSessions", "RenderRunId", "SessionId", "SessionNumber").Row(id, session.Id, session.Number);
                }
            }
        }
    }

    /// <summary>Name lists: surnames first by frequency (Skewed picks the first ones most), with accents and apostrophes among them.</summary>
    static class Names
    {
        public static readonly string[] LastNames =
        [
            "Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Rodríguez", "Martínez", "Hernández", "López",
            "González", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Pérez", "Thompson", "White",
            "Harris", "Sánchez", "Clark", "Ramírez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
            "Nguyễn", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "O'Brien", "Gómez", "Phillips", "Evans", "Turner", "Díaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris",
            "Morales", "Murphy", "Cook", "Rogers", "Gutiérrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard",
            "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chávez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz",
            "Hughes", "Price", "Álvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jiménez", "O'Connor", "Müller",
            "Schröder", "D'Angelo", "McAllister", "MacDonald", "Dubois", "Lefèvre", "Kowalski", "Nowak", "Søndergaard", "Ødegaard", "Björk",
            "Zieliński", "Van der Berg", "De la Cruz", "St. John", "Fitzgerald", "Whitmore", "Quincey", "Abernathy", "Castellanos", "Ibáñez",
            "Yamamoto", "Tanaka", "Watanabe", "Nakamura", "Kobayashi", "Chen", "Wang", "Li", "Zhang", "Liu", "Singh", "Kumar", "Shah",
            "Okafor", "Adeyemi", "Mensah", "Haddad", "Khoury", "Novák", "Dvořák", "Horváth", "Kovač", "Popescu", "Ivanova", "Papadopoulos",
        ];

        public static readonly string[] FirstNames =
        [
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
            "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "José", "Zoë", "Renée", "Chloé", "André",
            "Björn", "Siân", "Noémie", "François", "Inés", "Raúl", "Søren", "Amélie", "Jürgen", "Łukasz", "Olivia", "Liam", "Emma", "Noah",
            "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "Lucas", "Mia", "Mason", "Amelia", "Logan", "Harper", "Ethan", "Evelyn", "Aiden",
            "Abigail", "Jackson", "Emily", "Sebastian", "Ella", "Mateo", "Madison", "Jack", "Scarlett", "Owen", "Victoria", "Daniel", "Aria",
            "Eleanor", "Walter", "Grace", "Henry", "Chloe", "Alexander", "Camila", "Wyatt", "Penelope", "Carter", "Riley", "Julian", "Layla",
            "Grayson", "Lillian", "Leo", "Nora", "Jayden", "Zoey", "Gabriel", "Mila", "Isaac", "Aubrey", "Lincoln", "Hannah", "Anthony",
            "Lily", "Hudson", "Addison", "Dylan", "Ellie", "Ezra", "Stella", "Thomas", "Natalie", "Charles", "Zoe", "Christopher", "Leah",
            "Jaxon", "Hazel", "Maverick", "Violet", "Josiah", "Aurora", "Isaiah", "Savannah", "Andrew", "Audrey", "Elias", "Brooklyn",
            "Joshua", "Bella", "Nathan", "Claire", "Caleb", "Skylar", "Ryan", "Lucy", "Adrian", "Paisley", "Miles", "Everly", "Eli", "Anna",
        ];

        public static readonly string[] Businesses = ["Orthodontics", "Realty", "Dental", "Law Group", "Bakery", "Construction", "Insurance", "Fitness", "Salon", "Consulting"];
        public static readonly string[] Domains = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "comcast.net", "mail.example"];
        public static readonly string[] AreaCodes = ["217", "312", "309", "618", "630", "708", "773", "815", "847", "872"];
        public static readonly string[] Streets = ["Oak St", "Maple Ave", "Main St", "Cedar Ln", "Elm St", "Lakeview Dr", "Park Pl", "Washington Blvd"];
        public static readonly string[] SchoolPlaces = ["Springfield", "Lakeside", "Riverside", "Pinecrest", "Oakwood", "Hillview", "Fairview", "Maplewood", "Brookfield", "Westgate"];
        public static readonly string[] SchoolKinds = ["High School", "Middle School", "Elementary", "Academy", "Preparatory"];
        public static readonly string[] Descriptions =
        [
            "Family portraits", "Senior portraits", "Newborn session", "Headshots", "Picture day", "Engagement session", "Maternity session",
            "Pet portraits", "Graduation portraits", "Holiday mini session", "Sports team", "Cake smash", "Business headshots", "Wedding",
        ];
        public static readonly string[] Notes =
        [
            "Called to confirm the appointment.", "Prefers morning sessions.", "Asked about framing options.", "Left a voicemail.",
            "Wants proofs by email.", "Reorder of wallets requested.", "Bring the family dog next time.", "Paid the deposit by card.",
        ];
        public static readonly string[] TaskTitles = ["Call back about reprint", "Send proofs", "Order album", "Retouch blemishes", "Confirm picture day", "Chase payment"];
        public static readonly string[] AppointmentTitles = ["Consultation", "Proof viewing", "Order pickup", "Album design review", "Equipment maintenance"];
    }
}
