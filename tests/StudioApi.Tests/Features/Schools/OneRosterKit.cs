using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace StudioApi.Tests.Features.Schools;

/// <summary>OneRoster CSV packages as a district's SIS exports them (1EdTech CSV binding), built in the test.</summary>
public static class OneRosterKit
{
    public const string Users11Header = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
    public const string Users12Header = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrg,pronouns";
    public const string OrgsHeader = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    public const string ClassesHeader = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
    public const string EnrollmentsHeader = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
    public const string SessionsHeader = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
    public const string RolesHeader = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId";

    public static string Manifest(string version, string mode, params string[] files) =>
        "propertyName,value\n" +
        "manifest.version,1.0\n" +
        $"oneroster.version,{version}\n" +
        string.Join("", new[] { "academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users", "roles" }
            .Select(f => $"file.{f},{(files.Contains(f) ? mode : "absent")}\n")) +
        "source.systemName,Test SIS\nsource.systemCode,TSIS\n";

    public static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")));
            }
        return buffer.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] zip)
    {
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { part, "file", "oneroster.zip" } };
    }

    /// <summary>
    /// A district with two elementary schools (bulk, 1.1): Lincoln (identifier LIN-01) has Zoë Brontë and her brother
    /// Émile (one guardian, Ana Brontë), and Søren Ødegaard; Washington has one student. Homerooms 5A and 3B with teachers.
    /// </summary>
    public static byte[] DistrictBulk11(string lincolnIdentifier = "LIN-01") => Zip(
        ("manifest.csv", Manifest("1.1", "bulk", "orgs", "users", "classes", "enrollments", "academicSessions")),
        ("orgs.csv", $"{OrgsHeader}\n" +
                     "district-1,,,Springfield District,district,DIST,\n" +
                     $"school-lin,,,Lincoln Elementary,school,{lincolnIdentifier},district-1\n" +
                     "school-was,,,Washington Elementary,school,WAS-01,district-1\n"),
        ("users.csv", $"{Users11Header}\n" +
                      "stu-1,,,true,school-lin,student,zbronte,,Zoë,Brontë,,S1001,,,,par-1,05,\n" +
                      "stu-2,,,true,school-lin,student,ebronte,,Émile,Brontë,,S1002,,,,par-1,03,\n" +
                      "stu-3,,,true,school-lin,student,sodegaard,,Søren,Ødegaard,,S1003,,,,,05,\n" +
                      "stu-9,,,true,school-was,student,wkid,,Wanda,Washington,,W9001,,,,,04,\n" +
                      "par-1,,,true,school-lin,parent,abronte,,Ana,Brontë,,,ana@example.org,,+1 555 0100,\"stu-1,stu-2\",,\n" +
                      "tea-1,,,true,school-lin,teacher,tkim,,Hana,Kim,,T1,,,,,,\n" +
                      "tea-2,,,true,school-lin,teacher,tlee,,Jun,Lee,,T2,,,,,,\n"),
        ("classes.csv", $"{ClassesHeader}\n" +
                        "hr-5a,,,Homeroom 5A,05,,HR5A,homeroom,Room 12,school-lin,term-1,,,\n" +
                        "hr-3b,,,Homeroom 3B,03,,HR3B,homeroom,Room 4,school-lin,term-1,,,\n" +
                        "math-5,,,Math 5,05,,M5,scheduled,Room 20,school-lin,term-1,,,\n"),
        ("enrollments.csv", $"{EnrollmentsHeader}\n" +
                            "e1,,,hr-5a,school-lin,stu-1,student,false,,\n" +
                            "e2,,,hr-3b,school-lin,stu-2,student,false,,\n" +
                            "e3,,,hr-5a,school-lin,stu-3,student,false,,\n" +
                            "e4,,,hr-5a,school-lin,tea-1,teacher,true,,\n" +
                            "e5,,,hr-3b,school-lin,tea-2,teacher,true,,\n" +
                            "e6,,,math-5,school-lin,stu-1,student,false,,\n"),
        ("academicSessions.csv", $"{SessionsHeader}\n" +
                                 "sy-2026,,,2025-2026,schoolYear,2025-08-15,2026-06-10,,2026\n" +
                                 "term-1,,,Fall,term,2025-08-15,2025-12-20,sy-2026,2026\n"));

    /// <summary>
    /// A delta: Søren leaves (tobedeleted), Zoë moves to homeroom 3B. It carries the homeroom class and its teacher:
    /// the importer keeps no classes between imports, so a delta must name the class a student moves into.
    /// </summary>
    public static byte[] DistrictDelta11(string lincolnIdentifier = "LIN-01") => Zip(
        ("manifest.csv", Manifest("1.1", "delta", "orgs", "users", "classes", "enrollments")),
        ("orgs.csv", $"{OrgsHeader}\n" +
                     $"school-lin,active,2026-01-10T08:00:00Z,Lincoln Elementary,school,{lincolnIdentifier},district-1\n"),
        ("users.csv", $"{Users11Header}\n" +
                      "stu-3,tobedeleted,2026-01-10T08:00:00Z,true,school-lin,student,sodegaard,,Søren,Ødegaard,,S1003,,,,,05,\n" +
                      "stu-1,active,2026-01-10T08:00:00Z,true,school-lin,student,zbronte,,Zoë,Brontë,,S1001,,,,par-1,05,\n" +
                      "tea-2,active,2026-01-10T08:00:00Z,true,school-lin,teacher,tlee,,Jun,Lee,,T2,,,,,,\n"),
        ("classes.csv", $"{ClassesHeader}\n" +
                        "hr-3b,active,2026-01-10T08:00:00Z,Homeroom 3B,03,,HR3B,homeroom,Room 4,school-lin,term-1,,,\n"),
        ("enrollments.csv", $"{EnrollmentsHeader}\n" +
                            "e1,tobedeleted,2026-01-10T08:00:00Z,hr-5a,school-lin,stu-1,student,false,,\n" +
                            "e7,active,2026-01-10T08:00:00Z,hr-3b,school-lin,stu-1,student,false,,\n" +
                            "e5,active,2026-01-10T08:00:00Z,hr-3b,school-lin,tea-2,teacher,true,,\n"));
}
