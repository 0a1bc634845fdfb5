using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Rosters.Import;

public sealed class ImportOneRosterRequest
{
    /// <summary>The organization (school) whose roster it is.</summary>
    public long Id { get; set; }

    /// <summary>true answers what the import would do, row by row, and writes nothing but the import's record.</summary>
    [QueryParam]
    public bool? DryRun { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class ImportOneRosterEndpoint(RosterAccess access, OneRosterImporter importer, RosterImportQueue queue)
    : RosterImportEndpoint<ImportOneRosterRequest>(importer, queue)
{
    public override void Configure()
    {
        Post("/organizations/{id}/roster-imports");
        Roles([.. Platform.Auth.Roles.FrontDesk, Platform.Auth.Roles.Partner]);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(d => d
            .AcceptsFiles("file", 1, "A OneRoster 1.1 or 1.2 CSV package: a zip with manifest.csv, orgs.csv and users.csv (1.2: roles.csv too), "
                                     + "and classes.csv, enrollments.csv and academicSessions.csv for homerooms, teachers and graduation years.")
            .Produces<RosterImportResponse>(StatusCodes.Status202Accepted, "application/json")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The file is over 50 MB.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not multipart/form-data.")
            .Answers(StatusCodes.Status422UnprocessableEntity, "The package names several schools and none by this organization's code.")
            .Operation("Rosters", "ImportOneRoster", "Import a OneRoster package into an organization",
                "Scope roster:write. Bulk or delta as the manifest says. Students of this organization (its code equal to the "
                + "school's sourcedId or identifier, or the package's only school) are upserted by sourcedId as clients linked to "
                + "it, with student id, grade, homeroom, teacher and graduation year; their guardians become family members. A "
                + "student marked tobedeleted (delta) or missing (bulk) is taken off the roster: the client, sessions and images "
                + "stay. What already matches is left alone, so the same package twice changes nothing. The answer is the import, "
                + "with a row per user; with dryRun=true nothing else is written. A big file (over 2,000 users rows or 5 MB by "
                + "default) answers 202 with the import queued (Location): the background worker imports it, and the import "
                + "shows its state and progress (processedRows of totalRows) until completed, with its rows, or failed, with why.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(ImportOneRosterRequest req, CancellationToken ct)
    {
        await access.EnsureOrganizationAsync(req.Id, PartnerScopes.RosterWrite, ct);
        var file = await RosterUpload.ReadAsync(HttpContext, ct);
        var package = OneRosterPackage.Read(file);
        await ImportOrQueueAsync(req.Id, package, file, package.Rows("users").Count, null, req.DryRun == true, ct);
    }
}
