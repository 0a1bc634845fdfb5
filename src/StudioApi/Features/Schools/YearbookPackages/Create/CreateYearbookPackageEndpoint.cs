using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Schools.Yearbook;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Schools.YearbookPackages.Create;

public sealed class CreateYearbookPackageRequest
{
    /// <summary>The organization.</summary>
    public long Id { get; set; }

    /// <summary>The volume name (the zip's top folder): A–Z, 0–9 and _, at most 11 characters; by default from the organization's code.</summary>
    public string? VolumeName { get; set; }

    /// <summary>The text of COPYRIGHT.TXT; by default the studio's copyright and the organization's licence to use the portraits in its yearbook.</summary>
    public string? Copyright { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateYearbookPackageValidator : Validator<CreateYearbookPackageRequest>
{
    public CreateYearbookPackageValidator()
    {
        RuleFor(r => r.VolumeName).Matches("^[A-Z0-9_]{1,11}$")
            .WithMessage("A volume name is 1 to 11 of A–Z, 0–9 and _.");
        RuleFor(r => r.Copyright).MaximumLength(RenderRunLimits.PackageTextLength);
    }
}

public sealed class CreateYearbookPackageEndpoint(StudioDbContext db, YearbookSelections selections, StudioCalendar calendar,
    RecordAuthor author, RenderWorkerSignal signal) : Endpoint<CreateYearbookPackageRequest, RenderRunResponse>
{
    public override void Configure()
    {
        Post("/organizations/{id}/yearbook-packages");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Produces<RenderRunResponse>(StatusCodes.Status202Accepted, "application/json")
            .Answers(StatusCodes.Status422UnprocessableEntity, "The organization's yearbookImageSpec is not a 4:5 portrait (width / height 0.8).")
            .Operation("Yearbook", "CreatePackage", "Make an organization's PSPA yearbook package",
                "Starts a render run (202, Location: the run to poll) making the organization's PSPA yearbook package: a zip "
                + "whose top folder is the volume, holding INDEX.TXT (tab-delimited, CRLF, Windows-1252, a header line of "
                + "the 13 PSPA columns, then one line per image), COPYRIGHT.TXT, README.TXT and folders (FOLDER01…, at most "
                + "500 images each) of RGB JPEGs at the organization's yearbookImageSpec, cut from each main yearbook "
                + "image's proofing crop, named 8.3 from the spec's file-name pattern (unique in the volume). One image per "
                + "student on the roster, in grade, last and first name order; the students without one (no image chosen, "
                + "no session) are counted in the run's package and listed, with why, in its manifest.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateYearbookPackageRequest req, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("organization", req.Id);
        var spec = organization.YearbookImageSpec;
        if (PspaPackage.SpecProblem(spec) is { } problem)
            throw ApiProblem.RuleBroken(problem);

        var volume = req.VolumeName ?? PspaPackage.VolumeName(organization.Code);
        var students = await selections.StudentsAsync(organization.Id, ct);
        var (images, missing) = PspaPackage.Plan(volume, spec, students);
        var today = await calendar.TodayAsync(ct);
        var studio = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Name;
        var package = new RenderRunPackage
        {
            OrganizationId = organization.Id,
            VolumeName = volume,
            WidthPx = spec.WidthPx,
            HeightPx = spec.HeightPx,
            Dpi = spec.Dpi,
            IndexFileName = "INDEX.TXT",
            IndexHeader = string.Join('\t', PspaPackage.Columns),
            Copyright = string.IsNullOrWhiteSpace(req.Copyright) ? PspaPackage.Copyright(studio, organization, today.Year) : req.Copyright,
            Readme = PspaPackage.Readme(organization, volume, spec, images.Count, missing.Count, today),
        };
        var name = $"PSPA yearbook package: {organization.Name}";
        var run = await RenderRunPlanner.PlanPackageAsync(db, signal, name.Length <= 100 ? name : name[..100], package, images, missing, author.Name, ct);

        HttpContext.Response.Headers.Location = $"/api/v1/render-runs/{run.Id}";
        await Send.ResponseAsync(RenderRunResponse.From(run, []), StatusCodes.Status202Accepted, ct);
    }
}
