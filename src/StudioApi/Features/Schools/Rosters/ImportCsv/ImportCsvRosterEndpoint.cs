using FastEndpoints;
using FluentValidation;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Rosters.ImportCsv;

public sealed class ImportCsvRosterRequest
{
    /// <summary>The organization (school) whose roster it is.</summary>
    public long Id { get; set; }

    /// <summary>true answers what the import would do, row by row, and writes nothing but the import's record.</summary>
    [QueryParam]
    public bool? DryRun { get; set; }

    /// <summary>bulk (the default: the file is the whole roster, a student missing from it leaves it) or delta (changes only).</summary>
    [QueryParam]
    public RosterImportMode? Mode { get; set; }

    /// <summary>The column of the first name (else found by its header: First Name, Given Name…).</summary>
    [QueryParam] public string? FirstName { get; set; }
    /// <summary>The column of the last name (else Last Name, Surname…).</summary>
    [QueryParam] public string? LastName { get; set; }
    /// <summary>The column of the school's student id, which matches a student from one import to the next (else Student ID, ID…).</summary>
    [QueryParam] public string? StudentId { get; set; }
    /// <summary>The column of the grade (else Grade, Grade Level).</summary>
    [QueryParam] public string? Grade { get; set; }
    /// <summary>The column of the homeroom (else Homeroom, Room).</summary>
    [QueryParam] public string? Homeroom { get; set; }
    /// <summary>The column of the teacher (else Teacher, Homeroom Teacher).</summary>
    [QueryParam] public string? Teacher { get; set; }
    /// <summary>The column of the student's e-mail (else Email, Student Email).</summary>
    [QueryParam] public string? Email { get; set; }
    /// <summary>The column of the student's phone (else Phone, Student Phone).</summary>
    [QueryParam] public string? Phone { get; set; }
    /// <summary>The column of a guardian's name (else Guardian Name, Parent Name…).</summary>
    [QueryParam] public string? GuardianName { get; set; }
    /// <summary>The column of the guardian's e-mail (else Guardian Email, Parent Email).</summary>
    [QueryParam] public string? GuardianEmail { get; set; }
    /// <summary>The column of the guardian's phone (else Guardian Phone, Parent Phone).</summary>
    [QueryParam] public string? GuardianPhone { get; set; }
    /// <summary>The column saying a row leaves the roster (delete, tobedeleted, inactive, withdrawn; else Status, Action).</summary>
    [QueryParam] public string? Status { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    public CsvRosterMapping Mapping() => new()
    {
        FirstName = FirstName, LastName = LastName, StudentId = StudentId, Grade = Grade, Homeroom = Homeroom, Teacher = Teacher,
        Email = Email, Phone = Phone, GuardianName = GuardianName, GuardianEmail = GuardianEmail, GuardianPhone = GuardianPhone, Status = Status,
    };
}

public sealed class ImportCsvRosterValidator : Validator<ImportCsvRosterRequest>
{
    public ImportCsvRosterValidator()
    {
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.FirstName).MaximumLength(100);
        RuleFor(r => r.LastName).MaximumLength(100);
        RuleFor(r => r.StudentId).MaximumLength(100);
        RuleFor(r => r.Grade).MaximumLength(100);
        RuleFor(r => r.Homeroom).MaximumLength(100);
        RuleFor(r => r.Teacher).MaximumLength(100);
        RuleFor(r => r.Email).MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(100);
        RuleFor(r => r.GuardianName).MaximumLength(100);
        RuleFor(r => r.GuardianEmail).MaximumLength(100);
        RuleFor(r => r.GuardianPhone).MaximumLength(100);
        RuleFor(r => r.Status).MaximumLength(100);
    }
}

public sealed class ImportCsvRosterEndpoint(RosterAccess access, OneRosterImporter importer, RosterImportQueue queue)
    : RosterImportEndpoint<ImportCsvRosterRequest>(importer, queue)
{
    public override void Configure()
    {
        Post("/organizations/{id}/roster-imports/csv");
        Roles([.. Platform.Auth.Roles.FrontDesk, Platform.Auth.Roles.Partner]);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(d => d
            .AcceptsFiles("file", 1, "A CSV file of students (comma, semicolon or tab separated, UTF-8), one per line after a header line naming the columns.")
            .Produces<RosterImportResponse>(StatusCodes.Status202Accepted, "application/json")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The file is over 50 MB.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not multipart/form-data.")
            .Operation("Rosters", "ImportCsv", "Import a plain CSV roster into an organization",
                "Scope roster:write. The subject data school photographers exchange: first and last name, student id, grade, "
                + "homeroom, teacher, the student's e-mail and phone, a guardian's name, e-mail and phone, each column named "
                + "in the query or found by its header. Students are upserted by student id as clients linked to the "
                + "organization (one entered by hand before is adopted); a guardian becomes a family member, once per "
                + "student even when siblings share them; bulk (the default) takes students missing from the file off the "
                + "roster, delta only those whose status column says so; sessions, images and invoices always stay. The same "
                + "file twice changes nothing. The answer is the import with a row per line (line, student id, what happened "
                + "or why refused); with dryRun=true nothing else is written. A big file answers 202 and runs in the "
                + "background, as a OneRoster package does.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(ImportCsvRosterRequest req, CancellationToken ct)
    {
        await access.EnsureOrganizationAsync(req.Id, PartnerScopes.RosterWrite, ct);
        var file = await RosterUpload.ReadAsync(HttpContext, ct);
        var mapping = req.Mapping();
        var package = CsvRoster.Read(file, mapping, req.Mode ?? RosterImportMode.Bulk);
        await ImportOrQueueAsync(req.Id, package, file, package.Rows("users").Count(r => r["role"] == "student"), mapping, req.DryRun == true, ct);
    }
}
