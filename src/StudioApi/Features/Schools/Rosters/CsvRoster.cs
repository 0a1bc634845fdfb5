using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>
/// Which column of a plain CSV roster holds what: the subject data school photographers exchange (first and last name,
/// student id, grade, teacher or homeroom, the student's e-mail and phone, a guardian's name, e-mail and phone). A
/// column not named here is found by its header (case, spaces and punctuation ignored): "First Name", "Student ID",
/// "Homeroom", "Parent Email"… An optional status column marks rows to take off the roster (delete, tobedeleted, inactive).
/// </summary>
public sealed class CsvRosterMapping
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? StudentId { get; set; }
    public string? Grade { get; set; }
    public string? Homeroom { get; set; }
    public string? Teacher { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianEmail { get; set; }
    public string? GuardianPhone { get; set; }
    public string? Status { get; set; }

    /// <summary>Each field with the header names it is found by when the mapping does not name its column.</summary>
    public IEnumerable<(string Field, string? Column, string[] Aliases)> Fields() =>
    [
        ("firstName", FirstName, ["firstname", "first", "givenname", "studentfirstname"]),
        ("lastName", LastName, ["lastname", "last", "surname", "familyname", "studentlastname"]),
        ("studentId", StudentId, ["studentid", "id", "studentnumber", "studentno", "sisid", "student"]),
        ("grade", Grade, ["grade", "gradelevel", "gr"]),
        ("homeroom", Homeroom, ["homeroom", "room", "homeroomname", "class"]),
        ("teacher", Teacher, ["teacher", "teachername", "homeroomteacher"]),
        ("email", Email, ["email", "studentemail", "emailaddress"]),
        ("phone", Phone, ["phone", "studentphone", "phonenumber"]),
        ("guardianName", GuardianName, ["guardianname", "guardian", "parentname", "parent", "parentguardian"]),
        ("guardianEmail", GuardianEmail, ["guardianemail", "parentemail"]),
        ("guardianPhone", GuardianPhone, ["guardianphone", "parentphone"]),
        ("status", Status, ["status", "action"]),
    ];
}

/// <summary>
/// Reads a plain CSV roster (comma, semicolon or tab separated, UTF-8) into the shape of a OneRoster package, so one
/// importer serves both: each line a student (sourcedId = student id), a guardian a user of role guardian shared by
/// siblings who name the same e-mail (or name), each homeroom and teacher a homeroom class the student is enrolled in.
/// </summary>
public static class CsvRoster
{
    public const string FileName = "roster.csv";
    public const string School = "school";

    public static OneRosterPackage Read(byte[] file, CsvRosterMapping mapping, RosterImportMode mode)
    {
        var lines = ReadLines(file, out var header);
        var columns = Columns(header, mapping);
        string Get(Dictionary<string, string> line, string field) =>
            columns.TryGetValue(field, out var column) && line.TryGetValue(column, out var value) ? value.Trim() : "";

        var users = new List<OneRosterRow>();
        var guardians = new Dictionary<string, OneRosterRow>(StringComparer.OrdinalIgnoreCase);
        var classes = new Dictionary<string, OneRosterRow>(StringComparer.Ordinal);
        var teachers = new Dictionary<string, OneRosterRow>(StringComparer.Ordinal);
        var enrollments = new List<OneRosterRow>();
        foreach (var (lineNumber, line) in lines)
        {
            var studentId = Get(line, "studentId");
            var sourcedId = studentId.Length > 0 ? studentId : $"line-{lineNumber}";
            var status = Get(line, "status").ToLowerInvariant() is "delete" or "deleted" or "tobedeleted" or "inactive" or "remove" or "removed" or "withdrawn"
                ? "tobedeleted" : "";

            var guardianName = Get(line, "guardianName");
            var guardianEmail = Get(line, "guardianEmail");
            string? guardianId = null;
            if (guardianName.Length > 0 || guardianEmail.Length > 0)
            {
                // agentSourcedIds is a comma-separated list: the id holds no comma.
                guardianId = $"guardian:{(guardianEmail.Length > 0 ? guardianEmail : guardianName).ToLowerInvariant().Replace(',', ' ')}";
                if (!guardians.ContainsKey(guardianId))
                {
                    var (given, family) = SplitName(guardianName);
                    guardians[guardianId] = Row(lineNumber, new()
                    {
                        ["sourcedId"] = guardianId, ["role"] = "guardian", ["orgSourcedIds"] = School, ["primaryOrg"] = School, ["givenName"] = given, ["familyName"] = family,
                        ["email"] = guardianEmail, ["phone"] = Get(line, "guardianPhone"),
                    });
                }
            }

            var homeroom = Get(line, "homeroom");
            var teacher = Get(line, "teacher");
            if (homeroom.Length > 0 || teacher.Length > 0)
            {
                var classId = $"class:{homeroom}|{teacher}";
                classes.TryAdd(classId, Row(lineNumber, new()
                {
                    ["sourcedId"] = classId, ["classType"] = "homeroom", ["title"] = homeroom, ["schoolSourcedId"] = School,
                }));
                enrollments.Add(Row(lineNumber, new() { ["classSourcedId"] = classId, ["userSourcedId"] = sourcedId, ["role"] = "student" }));
                if (teacher.Length > 0)
                {
                    var teacherId = $"teacher:{teacher}";
                    teachers.TryAdd(teacherId, Row(lineNumber, new() { ["sourcedId"] = teacherId, ["role"] = "teacher", ["givenName"] = teacher }));
                    if (enrollments.All(e => !(e["classSourcedId"] == classId && e["role"] == "teacher")))
                        enrollments.Add(Row(lineNumber, new() { ["classSourcedId"] = classId, ["userSourcedId"] = teacherId, ["role"] = "teacher", ["primary"] = "true" }));
                }
            }

            users.Add(Row(lineNumber, new()
            {
                ["sourcedId"] = sourcedId, ["status"] = status, ["role"] = "student", ["orgSourcedIds"] = School, ["primaryOrg"] = School, ["identifier"] = studentId,
                ["givenName"] = Get(line, "firstName"), ["familyName"] = Get(line, "lastName"), ["grades"] = Get(line, "grade").Replace(',', ' '),
                ["email"] = Get(line, "email"), ["phone"] = Get(line, "phone"), ["agentSourcedIds"] = guardianId ?? "",
            }));
        }

        return new OneRosterPackage
        {
            Version = "csv",
            Mode = mode,
            Format = RosterImportFormat.Csv,
            Files = new Dictionary<string, IReadOnlyList<OneRosterRow>>(StringComparer.OrdinalIgnoreCase)
            {
                ["orgs"] = [Row(1, new() { ["sourcedId"] = School, ["type"] = "school" })],
                ["users"] = [.. users, .. guardians.Values, .. teachers.Values],
                ["classes"] = [.. classes.Values],
                ["enrollments"] = enrollments,
            },
        };
    }

    /// <summary>Lines of students (number, fields by header), counted without reading them into a package.</summary>
    public static int CountRows(byte[] file) => ReadLines(file, out _).Count;

    static List<(int Line, Dictionary<string, string> Fields)> ReadLines(byte[] file, out string[] header)
    {
        using var reader = new StreamReader(new MemoryStream(file, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"],
        });
        var lines = new List<(int, Dictionary<string, string>)>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                throw ApiProblem.InvalidInput("file", "The CSV file is empty: its first line names the columns.");
            header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
            while (csv.Read())
            {
                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < header.Length; i++)
                    fields[header[i]] = (csv.TryGetField<string>(i, out var value) ? value : null) ?? "";
                if (fields.Values.All(string.IsNullOrWhiteSpace))
                    continue;
                lines.Add((csv.Parser.RawRow, fields));
            }
        }
        catch (CsvHelperException e)
        {
            throw ApiProblem.InvalidInput("file", $"The file is not valid CSV near line {csv.Parser.RawRow}: {e.Message.Split('\n')[0]}");
        }
        return lines;
    }

    /// <summary>Each field's column: the one the mapping names (which must be in the header), else the header its aliases find.</summary>
    static Dictionary<string, string> Columns(string[] header, CsvRosterMapping mapping)
    {
        var columns = new Dictionary<string, string>();
        var errors = new List<(string, string)>();
        foreach (var (field, named, aliases) in mapping.Fields())
        {
            if (named is not null)
            {
                var found = header.FirstOrDefault(h => h.Equals(named.Trim(), StringComparison.OrdinalIgnoreCase));
                if (found is null)
                    errors.Add((field, $"The file has no column '{named}'; its columns are: {string.Join(", ", header)}."));
                else
                    columns[field] = found;
                continue;
            }
            if (header.FirstOrDefault(h => aliases.Contains(Normalized(h))) is { } guessed)
                columns[field] = guessed;
        }
        foreach (var required in new[] { "firstName", "lastName", "studentId" })
            if (!columns.ContainsKey(required) && errors.All(e => e.Item1 != required))
                errors.Add((required, $"No column of the file is the {required}: name it (its columns are: {string.Join(", ", header)})."));
        if (errors.Count > 0)
            throw ApiProblem.InvalidFields(errors);
        return columns;
    }

    static string Normalized(string header) => new(header.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>"Maria José García" → (Maria José, García); "García, Maria" → (Maria, García).</summary>
    static (string Given, string Family) SplitName(string name)
    {
        if (name.Split(',', 2, StringSplitOptions.TrimEntries) is [var last, var first])
            return (first, last);
        var space = name.LastIndexOf(' ');
        return space < 0 ? (name, "") : (name[..space].Trim(), name[(space + 1)..].Trim());
    }

    static OneRosterRow Row(int line, Dictionary<string, string> fields) =>
        new(FileName, line, new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase));
}
