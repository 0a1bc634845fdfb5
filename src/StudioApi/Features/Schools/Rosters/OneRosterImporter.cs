using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>
/// Brings one organization's students from a OneRoster package into the studio: students become clients linked to the
/// organization (upserted by sourcedId, through <see cref="RosterLink"/>), with their school's student id (identifier),
/// grade, homeroom (the title of the homeroom class they are enrolled in), its teacher, and a graduation year from grade
/// and school year; their guardians (agentSourcedIds naming parent, guardian or relative users) become family members.
/// A student leaving the roster (tobedeleted in a delta, missing from a bulk file) is unlinked from the organization;
/// the client, sessions, images and invoices stay. What is already as the file says is left alone, so the same
/// package twice changes nothing. Thousands of students at a time: new ones are written in bulk (<see cref="BulkInsert"/>),
/// existing ones are read untracked and only those that change are saved through EF.
/// </summary>
public sealed class OneRosterImporter(StudioDbContext db, StatusTransitions transitions)
{
    const string Users = "users.csv";
    static readonly string[] GuardianRoles = ["parent", "guardian", "relative"];

    /// <summary>
    /// Imports the package, into <paramref name="into"/> when the import was queued before (a big file on the background
    /// worker, tracked by this context), telling <paramref name="progress"/> how many users rows are done now and then.
    /// </summary>
    public async Task<RosterImport> ImportAsync(long organizationId, OneRosterPackage package, bool dryRun, CancellationToken ct,
        RosterImport? into = null, Func<int, Task>? progress = null)
    {
        var organization = await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct)
                           ?? throw ApiProblem.NotFound("organization", organizationId);
        var import = into ?? new RosterImport { OrganizationId = organizationId, SpecVersion = package.Version, Mode = package.Mode, DryRun = dryRun };
        import.Format = package.Format;
        import.Total = package.Format == RosterImportFormat.Csv
            ? package.Rows("users").Count(r => r["role"] == "student")
            : package.Rows("users").Count;
        var school = SchoolOf(package, organization);

        // Who is what where: 1.1 says it in users.csv, 1.2 in roles.csv.
        var users = package.Rows("users").Where(u => u.SourcedId.Length > 0).GroupBy(u => u.SourcedId).ToDictionary(g => g.Key, g => g.First());
        var rolesOf = new Dictionary<string, HashSet<string>>();
        var orgsOf = new Dictionary<string, HashSet<string>>();
        void Grant(string user, string role, string org)
        {
            (rolesOf.TryGetValue(user, out var r) ? r : rolesOf[user] = new(StringComparer.OrdinalIgnoreCase)).Add(role);
            if (org.Length > 0)
                (orgsOf.TryGetValue(user, out var o) ? o : orgsOf[user] = []).Add(org);
        }
        if (package.Version == "1.1")
            foreach (var user in package.Rows("users"))
                foreach (var org in user.List("orgSourcedIds").DefaultIfEmpty(""))
                    Grant(user.SourcedId, user["role"], org);
        else
        {
            foreach (var role in package.Rows("roles").Where(r => !r.ToBeDeleted))
                Grant(role["userSourcedId"], role["role"], role["orgSourcedId"]);
            foreach (var user in package.Rows("users").Where(u => !rolesOf.ContainsKey(u.SourcedId) && u["role"].Length > 0))
                Grant(user.SourcedId, user["role"], user["primaryOrg"]);
        }

        var homerooms = package.Rows("classes")
            .Where(c => !c.ToBeDeleted && c["classType"].Equals("homeroom", StringComparison.OrdinalIgnoreCase) && c["schoolSourcedId"] == school)
            .GroupBy(c => c.SourcedId).ToDictionary(g => g.Key, g => g.First()["title"]);
        var enrollments = package.Rows("enrollments").Where(e => !e.ToBeDeleted && homerooms.ContainsKey(e["classSourcedId"])).ToList();
        var homeroomOf = enrollments.Where(e => e["role"].Equals("student", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e["userSourcedId"]).ToDictionary(g => g.Key, g => g.First()["classSourcedId"]);
        var teacherOf = enrollments.Where(e => e["role"].Equals("teacher", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e["primary"].Equals("true", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e["classSourcedId"]).ToDictionary(g => g.Key, g => users.TryGetValue(g.First()["userSourcedId"], out var t) ? $"{t["givenName"]} {t["familyName"]}".Trim() : null);
        var schoolYear = package.Rows("academicSessions")
            .Where(s => s["type"].Equals("schoolYear", StringComparison.OrdinalIgnoreCase) && int.TryParse(s["schoolYear"], out _))
            .Select(s => int.Parse(s["schoolYear"], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

        // Read without tracking: thousands of tracked students made every save of the import scan them all for changes
        // (seconds for a file that changes nothing). The few that change are read again, tracked, to be saved.
        var links = await db.Set<RosterLink>().AsNoTracking().Where(l => l.OrganizationId == organizationId).ToDictionaryAsync(l => l.SourcedId, ct);
        // Linked through the links table in SQL (an indexed EXISTS), not a list of thousands of ids: each of the split
        // queries for the clients' owned lists repeats the filter.
        var clients = await db.Set<Client>().AsNoTracking()
            .Where(c => db.Set<RosterLink>().Any(l => l.OrganizationId == organizationId && l.ClientId == c.Id)
                        || (c.Student != null && c.Student.OrganizationId == organizationId))
            .ToDictionaryAsync(c => c.Id, ct);
        var byStudentId = clients.Values.Where(c => c.Student?.OrganizationId == organizationId && c.Student.StudentId != null)
            .GroupBy(c => c.Student!.StudentId!).ToDictionary(g => g.Key, g => g.First());
        var relationships = await db.Set<Relationship>().AsNoTracking().ToListAsync(ct);

        // Who is linked already: a student entered by hand is adopted only when no sourcedId names them yet.
        var linkedClients = links.Values.Select(l => l.ClientId).ToHashSet();
        var seen = new HashSet<string>();
        var created = new List<Client>();
        var pendingLinks = new List<(RosterLink Link, Client Client)>();
        var adoptedLinks = new List<RosterLink>();
        // Students already there that the file changes (their row, to apply again to the tracked copy) or takes off the roster.
        var updates = new Dictionary<long, OneRosterRow>();
        var removals = new HashSet<long>();
        var rows = new List<RosterImportRow>();
        var done = 0;
        var sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        // What the file says of a student, onto the client (a new one, or one already there: untracked first, to see whether
        // it changes, then the tracked copy of one that does).
        void Apply(Client client, OneRosterRow row)
        {
            var studentId = Clip(row["identifier"], 50);
            client.FirstName = Clip(row["givenName"], 100);
            client.LastName = Clip(row["familyName"], 100);
            var student = client.Student ??= new ClientStudent();
            student.OrganizationId = organizationId;
            student.StudentId = studentId;
            var grade = row.List("grades").FirstOrDefault();
            student.Grade = Clip(grade, 20);
            if (homeroomOf.TryGetValue(row.SourcedId, out var homeroom) || package.Mode == RosterImportMode.Bulk)
            {
                student.Homeroom = homeroom is null ? null : Clip(homerooms[homeroom], 50);
                student.Teacher = homeroom is not null && teacherOf.TryGetValue(homeroom, out var teacher) ? Clip(teacher, 100) : null;
            }
            student.GraduationYear = GraduationYear(grade, schoolYear) ?? student.GraduationYear;
            // The student's own e-mail and phone (a plain CSV roster has them; OneRoster's users.csv may): added when new to the client.
            if (Clip(row["email"], 320) is { } email && !client.Emails.Any(e => e.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))
                client.Emails.Add(new ClientEmail { Address = email, Label = "School", IsPrimary = client.Emails.Count == 0 });
            if (Clip(row["phone"], 40) is { } phone && ClientPhone.DigitsOf(phone) is { Length: > 0 } digits && client.Phones.All(p => p.Digits != digits))
                client.Phones.Add(new ClientPhone { Number = phone, Digits = digits, Label = "School", IsPrimary = client.Phones.Count == 0 });
            var guardians = row.List("agentSourcedIds").Select(a => users.GetValueOrDefault(a))
                .Where(g => g is not null && rolesOf.TryGetValue(g.SourcedId, out var r) && r.Overlaps(GuardianRoles)).ToList();
            if (guardians.FirstOrDefault() is { } first)
            {
                student.GuardianName = Clip($"{first["givenName"]} {first["familyName"]}".Trim(), 200);
                student.GuardianPhone = Clip(first["phone"], 40) ?? student.GuardianPhone;
                student.GuardianEmail = Clip(first["email"], 320) ?? student.GuardianEmail;
            }
            foreach (var guardian in guardians)
            {
                var given = Clip(guardian!["givenName"], 100);
                var family = Clip(guardian["familyName"], 100);
                if (client.FamilyMembers.Any(f => string.Equals(f.FirstName, given, StringComparison.OrdinalIgnoreCase)
                                                  && string.Equals(f.LastName, family, StringComparison.OrdinalIgnoreCase)))
                    continue;
                client.FamilyMembers.Add(new FamilyMember
                {
                    FirstName = given, LastName = family, RelationshipId = RelationshipFor(rolesOf[guardian.SourcedId], relationships),
                    Phone = Clip(guardian["phone"], 40), Email = Clip(guardian["email"], 320),
                });
            }
        }

        foreach (var row in package.Rows("users"))
        {
            // Now and then by the clock, not every few hundred rows: each is a write of its own, and the rows go by in well
            // under a second now that saving them is the long part.
            if (++done % 100 == 0 && progress is not null && sinceProgress.Elapsed >= ProgressEvery)
            {
                await progress(Math.Min(done, import.Total));
                sinceProgress.Restart();
            }
            var isStudent = rolesOf.TryGetValue(row.SourcedId, out var roles) && roles.Contains("student");
            // A plain CSV's guardians and teachers are made from its students' lines: only those are reported.
            if (!isStudent && package.Format == RosterImportFormat.Csv)
                continue;
            if (!isStudent)
            {
                rows.Add(Row(row, RosterRowOutcome.Skipped, roles?.Overlaps(GuardianRoles) == true ? "A guardian: imported with their students." : "Not a student."));
                continue;
            }
            if (!(orgsOf.TryGetValue(row.SourcedId, out var orgs) && orgs.Contains(school)))
            {
                rows.Add(Row(row, RosterRowOutcome.Skipped, "A student of another organization."));
                continue;
            }
            if (!seen.Add(row.SourcedId))
            {
                rows.Add(Row(row, RosterRowOutcome.Refused, "This sourcedId is on an earlier line too."));
                continue;
            }

            links.TryGetValue(row.SourcedId, out var link);
            var client = link is not null && clients.TryGetValue(link.ClientId, out var linked) ? linked : null;
            if (row.ToBeDeleted)
            {
                var off = client?.Student?.OrganizationId == organizationId;
                if (off)
                {
                    client!.Student = null;
                    removals.Add(client.Id);
                }
                rows.Add(Row(row, off ? RosterRowOutcome.Removed : RosterRowOutcome.Unchanged, off ? "Taken off the roster; sessions and images are kept." : "Not on the roster."));
                continue;
            }
            if (package.Format == RosterImportFormat.Csv && row["identifier"].Length == 0)
            {
                rows.Add(Row(row, RosterRowOutcome.Refused, "The student id is required: a student is matched by it at the next import."));
                continue;
            }
            if (row["givenName"].Length == 0 || row["familyName"].Length == 0)
            {
                rows.Add(Row(row, RosterRowOutcome.Refused, package.Format == RosterImportFormat.Csv
                    ? "The first and last name are required." : "givenName and familyName are required."));
                continue;
            }
            var studentId = Clip(row["identifier"], 50);
            // A student the studio entered by hand before the first import is adopted by student id, not doubled.
            if (client is null && studentId is not null && byStudentId.TryGetValue(studentId, out var byHand) && !linkedClients.Contains(byHand.Id))
                client = byHand;

            var isNew = client is null;
            client ??= new Client { Kind = ClientKind.Consumer };
            var before = isNew ? null : Snapshot(client);
            Apply(client, row);

            if (isNew)
            {
                created.Add(client);
                rows.Add(Row(row, RosterRowOutcome.Created, null));
            }
            else if (Snapshot(client) == before)
                rows.Add(Row(row, RosterRowOutcome.Unchanged, null));
            else
            {
                updates[client.Id] = row;
                rows.Add(Row(row, RosterRowOutcome.Updated, null));
            }
            if (link is null)
            {
                link = new RosterLink { OrganizationId = organizationId, SourcedId = row.SourcedId };
                links[row.SourcedId] = link;
                if (isNew)
                    pendingLinks.Add((link, client));
                else
                {
                    link.ClientId = client.Id;
                    linkedClients.Add(client.Id);
                    adoptedLinks.Add(link);
                }
            }
        }

        // A bulk file is the whole roster: a linked student it no longer lists leaves it.
        if (package.Mode == RosterImportMode.Bulk)
            foreach (var (sourcedId, link) in links.Where(l => !seen.Contains(l.Key)))
                if (clients.TryGetValue(link.ClientId, out var gone) && gone.Student?.OrganizationId == organizationId)
                {
                    gone.Student = null;
                    removals.Add(gone.Id);
                    rows.Add(new RosterImportRow { File = package.Format == RosterImportFormat.Csv ? CsvRoster.FileName : Users, Line = 0, SourcedId = sourcedId, Outcome = RosterRowOutcome.Removed, Reason = "Not in the bulk file: taken off the roster; sessions and images are kept." });
                }

        import.Created = rows.Count(r => r.Outcome == RosterRowOutcome.Created);
        import.Updated = rows.Count(r => r.Outcome == RosterRowOutcome.Updated);
        import.Unchanged = rows.Count(r => r.Outcome == RosterRowOutcome.Unchanged);
        import.Removed = rows.Count(r => r.Outcome == RosterRowOutcome.Removed);
        import.Refused = rows.Count(r => r.Outcome == RosterRowOutcome.Refused);

        // Nothing of the roster is tracked yet: a dry run saves only the import (a queued one's lease columns, which belong
        // to the worker's engine, are left alone: only what changed is written).
        if (dryRun)
        {
            if (into is null)
                db.Add(import);
            else
                Complete(into);
            await db.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                await WriteReportAsync(import, rows, ct);
                return true;
            }, ct);
            return import;
        }

        if (into is null)
            db.Add(import);
        else
            Complete(into);
        db.AddRange(adoptedLinks);
        var changing = updates.Keys.Concat(removals).ToList();
        foreach (var chunk in changing.Chunk(500))
            foreach (var client in await db.Set<Client>().Where(c => EF.Parameter(chunk).Contains(c.Id)).ToListAsync(ct))
                if (removals.Contains(client.Id))
                    client.Student = null;
                else
                    Apply(client, updates[client.Id]);
        // The new students go in without the change tracker (thousands of them, with their lists, terms and links): given
        // here what a save would give them, the audit stamps and the sort keys and search terms.
        db.StampNew(created);
        var terms = SearchIndex.PrepareNew(db, created);
        await transitions.StartManyAsync(RecordKind.Client, created, async () =>
        {
            // The import record and the changes to students already there first (on SQLite, the write lock from here on).
            await db.SaveChangesAsync(ct);
            await db.InsertNumberedAsync(created, ct);
            await db.InsertOwnedAsync<Client, FamilyMember>(c => c.FamilyMembers, [.. created.SelectMany(c => c.FamilyMembers.Select(f => (c.Id, f)))], ct);
            await db.InsertOwnedAsync<Client, ClientEmail>(c => c.Emails, [.. created.SelectMany(c => c.Emails.Select(e => (c.Id, e)))], ct);
            await db.InsertOwnedAsync<Client, ClientPhone>(c => c.Phones, [.. created.SelectMany(c => c.Phones.Select(p => (c.Id, p)))], ct);
            await db.InsertOwnedAsync<Client, ClientAddress>(c => c.Addresses, [.. created.SelectMany(c => c.Addresses.Select(a => (c.Id, a)))], ct);
            await terms.InsertAsync(ct);
            foreach (var (link, client) in pendingLinks)
                link.ClientId = client.Id;
            await db.InsertAsync([.. pendingLinks.Select(p => p.Link)], ct);
            await WriteReportAsync(import, rows, ct);
        }, ct);
        return import;
    }

    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A queued import is completed in the transaction that writes its students and report, so whoever polls it sees it
    /// done as soon as its rows are there, not after the engine ends its lease in a write of its own (which waits behind
    /// the status-change readers this import has just woken).
    /// </summary>
    static void Complete(RosterImport queued)
    {
        queued.State = RosterImportState.Completed;
        queued.Processed = queued.Total;
    }

    /// <summary>
    /// The report's rows, one per line, written without the change tracker once the import has its id; then the import
    /// carries them for the answer, no longer tracked (a later save in this request must not insert them again).
    /// </summary>
    async Task WriteReportAsync(RosterImport import, List<RosterImportRow> rows, CancellationToken ct)
    {
        await db.InsertOwnedAsync<RosterImport, RosterImportRow>(i => i.Rows, [.. rows.Select(r => (import.Id, r))], ct);
        db.Entry(import).State = EntityState.Detached;
        import.Rows = rows;
    }

    /// <summary>The package's org that is this organization: by sourcedId or identifier equal to its code, else the one school.</summary>
    static string SchoolOf(OneRosterPackage package, Organization organization)
    {
        var orgs = package.Rows("orgs");
        var named = orgs.FirstOrDefault(o => o.SourcedId.Equals(organization.Code, StringComparison.OrdinalIgnoreCase)
                                             || o["identifier"].Equals(organization.Code, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
            return named.SourcedId;
        var schools = orgs.Where(o => o["type"].Equals("school", StringComparison.OrdinalIgnoreCase)).ToList();
        return schools.Count == 1
            ? schools[0].SourcedId
            : throw ApiProblem.RuleBroken($"orgs.csv has {schools.Count} schools and none whose sourcedId or identifier is this organization's code ({organization.Code}): set the code to the school's identifier.");
    }

    static long RelationshipFor(HashSet<string> roles, List<Relationship> relationships)
    {
        // OneRoster says parent or guardian, not mother or father: both are the studio's Guardian.
        var wanted = roles.Contains("relative") && !roles.Contains("parent") && !roles.Contains("guardian") ? "Other" : "Guardian";
        return (relationships.FirstOrDefault(r => r.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase)) ?? relationships.OrderBy(r => r.SortOrder).First()).Id;
    }

    /// <summary>CEDS grade codes: KG is 0, 01–12 numbered; the class graduates in the spring of school year + (12 − grade).</summary>
    static int? GraduationYear(string? grade, int schoolYear)
    {
        if (schoolYear == 0 || grade is null)
            return null;
        int? level = grade.Equals("KG", StringComparison.OrdinalIgnoreCase) ? 0
            : int.TryParse(grade, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12 ? n : null;
        return level is null ? null : schoolYear + 12 - level;
    }

    static string Snapshot(Client c) => string.Join('|', c.FirstName, c.LastName, c.Student?.OrganizationId, c.Student?.StudentId, c.Student?.Grade,
        c.Student?.Homeroom, c.Student?.Teacher, c.Student?.GraduationYear, c.Student?.GuardianName, c.Student?.GuardianPhone, c.Student?.GuardianEmail,
        string.Join(';', c.Emails.Select(e => e.Address)), string.Join(';', c.Phones.Select(p => p.Digits)),
        string.Join(';', c.FamilyMembers.Select(f => $"{f.FirstName} {f.LastName} {f.RelationshipId}")));

    static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text : text[..max];

    static RosterImportRow Row(OneRosterRow row, RosterRowOutcome outcome, string? reason) =>
        new() { File = row.File, Line = row.Line, SourcedId = row.SourcedId.Length <= 255 ? row.SourcedId : row.SourcedId[..255], Outcome = outcome, Reason = reason };
}
