using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace StudioApi.Benchmarks;

/// <summary>
/// A OneRoster 1.1 bulk package of one school (students in 40 homerooms, one guardian per two students) imported
/// through the API: first import, the same package again (all unchanged), then a delta of 100 changes (50 homeroom
/// moves, 50 leaving), after a warm-up import of 20 students into another school. Prints each time, for the file imported in its request (the big-file threshold raised) and
/// on the background engine (202, timed until the import has completed), each on a fresh database.
///   dotnet run -c Release --project bench/StudioApi.Benchmarks -- --roster [students] [--in-request | --background]
/// </summary>
public static class RosterBenchmark
{
    const string Users = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
    const string Enrollments = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
    const string Classes = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";

    public static async Task RunAsync(int students, bool inRequest, bool background)
    {
        if (inRequest)
        {
            Console.WriteLine("In the request (Rosters:BackgroundRows raised):");
            await RunAsync(students, new Dictionary<string, string> { ["Rosters:BackgroundRows"] = "100000000", ["Rosters:BackgroundBytes"] = "100000000" });
        }
        if (background)
        {
            Console.WriteLine("On the background engine (default thresholds):");
            await RunAsync(students, null);
        }
    }

    static async Task RunAsync(int students, IReadOnlyDictionary<string, string>? settings)
    {
        await using var app = new BenchApp(settings);
        await app.StartAsync();
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Bench Elementary", code = "BENCH-01" });
        var organization = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // A small roster into another school first, so the figures are a running server's, not the first request's JIT.
        var warm = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Warm-up School", code = "WARM-01" });
        var warmUp = (await warm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await TimeAsync(admin, warmUp, Package("bulk", BulkUsers(20), BulkClasses(), BulkEnrollments(20)), "warm-up (20 students, another school)");

        var bulk = Package("bulk", BulkUsers(students), BulkClasses(), BulkEnrollments(students));
        Console.WriteLine($"OneRoster bulk package: {students:N0} students, {bulk.Length / 1024:N0} KB zipped");
        await TimeAsync(admin, organization, bulk, "first bulk import");
        await TimeAsync(admin, organization, bulk, "same bulk again");
        var delta = Package("delta",
            $"{Users}\n" + string.Concat(Enumerable.Range(1, 50).Select(n => $"stu-{n},tobedeleted,2026-01-10T08:00:00Z,true,school-1,student,u{n},,Given{n},Family{n},,S{n},,,,,05,\n"))
                         + string.Concat(Enumerable.Range(51, 50).Select(n => $"stu-{n},active,2026-01-10T08:00:00Z,true,school-1,student,u{n},,Given{n},Family{n},,S{n},,,,par-{n / 2},05,\n")),
            $"{Classes}\nhr-0,active,2026-01-10T08:00:00Z,Homeroom 0,05,,HR0,homeroom,,school-1,,,,\n",
            $"{Enrollments}\n" + string.Concat(Enumerable.Range(51, 50).Select(n => $"move-{n},active,2026-01-10T08:00:00Z,hr-0,school-1,stu-{n},student,false,,\n")));
        await TimeAsync(admin, organization, delta, "delta of 100 changes");
    }

    static async Task TimeAsync(HttpClient admin, long organization, byte[] zip, string what)
    {
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var clock = Stopwatch.StartNew();
        var response = await admin.PostAsync($"/api/v1/organizations/{organization}/roster-imports", new MultipartFormDataContent { { part, "file", "roster.zip" } });
        var answered = clock.ElapsedMilliseconds;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // A big file answers 202 and is imported in the background: the time is until the import has completed.
        while (body.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(50);
            body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/roster-imports/{body.GetProperty("id").GetInt64()}");
        }
        var elapsed = clock.ElapsedMilliseconds;
        Console.WriteLine($"{what}: {(int)response.StatusCode} answered in {answered:N0} ms, {body.GetProperty("state")} in {elapsed:N0} ms — created {body.GetProperty("created")}, updated {body.GetProperty("updated")}, " +
                          $"unchanged {body.GetProperty("unchanged")}, removed {body.GetProperty("removed")}");
    }

    static string BulkUsers(int students)
    {
        var text = new StringBuilder($"{Users}\n");
        for (var n = 1; n <= students; n++)
            text.Append($"stu-{n},,,true,school-1,student,u{n},,Given{n},Family{n},,S{n},,,,par-{n / 2},05,\n");
        for (var p = 0; p <= students / 2; p++)
            text.Append($"par-{p},,,true,school-1,parent,p{p},,Parent{p},Family{p * 2},,,p{p}@example.org,,,,,\n");
        return text.ToString();
    }

    static string BulkClasses() =>
        $"{Classes}\n" + string.Concat(Enumerable.Range(0, 40).Select(h => $"hr-{h},,,Homeroom {h},05,,HR{h},homeroom,,school-1,,,,\n"));

    static string BulkEnrollments(int students) =>
        $"{Enrollments}\n" + string.Concat(Enumerable.Range(1, students).Select(n => $"en-{n},,,hr-{n % 40},school-1,stu-{n},student,false,,\n"));

    static byte[] Package(string mode, string users, string classes, string enrollments)
    {
        var manifest = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n" +
                       $"file.orgs,{mode}\nfile.users,{mode}\nfile.classes,{mode}\nfile.enrollments,{mode}\nfile.academicSessions,absent\n";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in new[]
                     {
                         ("manifest.csv", manifest),
                         ("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nschool-1,,,Bench Elementary,school,BENCH-01,\n"),
                         ("users.csv", users), ("classes.csv", classes), ("enrollments.csv", enrollments),
                     })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        return buffer.ToArray();
    }
}
