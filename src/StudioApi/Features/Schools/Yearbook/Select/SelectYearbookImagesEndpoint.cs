using FastEndpoints;
using FluentValidation;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Yearbook.Select;

public sealed class SelectYearbookImagesRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }
    /// <summary>The main yearbook image, one of the session's; null or absent for none.</summary>
    public long? MainImageId { get; set; }
    /// <summary>The secondary yearbook image, another of the session's; null or absent for none.</summary>
    public long? SecondaryImageId { get; set; }
    /// <summary>Who chose: studio (the default for staff), student, parent or school (the default, and the only ones, for a partner).</summary>
    public YearbookChooser? ChosenBy { get; set; }
}

public sealed class SelectYearbookImagesValidator : Validator<SelectYearbookImagesRequest>
{
    public SelectYearbookImagesValidator()
    {
        RuleFor(r => r.MainImageId).GreaterThan(0);
        RuleFor(r => r.SecondaryImageId).GreaterThan(0);
        RuleFor(r => r.ChosenBy).IsInEnum();
    }
}

public sealed class SelectYearbookImagesEndpoint(YearbookAccess access, YearbookSelections selections)
    : Endpoint<SelectYearbookImagesRequest, YearbookSelectionResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/yearbook-selections");
        Roles([.. Platform.Auth.Roles.AnyStaff, Platform.Auth.Roles.Partner]);
        Description(d => d
            .Produces<YearbookSelectionResponse>(StatusCodes.Status200OK, "application/json")
            .Answers(StatusCodes.Status422UnprocessableEntity,
                "The session is not a session of an organization, or the organization's selection deadline has passed and the chooser is not the studio.")
            .Operation("Yearbook", "Select", "Choose a session's yearbook images",
                "Scope yearbook:write. Replaces the session's main and secondary yearbook image (absent or null: none). An image "
                + "that keeps its role keeps who chose it and when; one newly given a role records the chooser and the time. When "
                + "anything changed and the organization names a status to set on selection, the session gets that yearbook "
                + "status. After the organization's selection deadline only the studio may choose. A partner chooses for the "
                + "school (or passes on a student's or parent's choice), only for its organizations' students (404 otherwise)."));
    }

    public override async Task HandleAsync(SelectYearbookImagesRequest req, CancellationToken ct)
    {
        await access.EnsureSessionAsync(req.Id, PartnerScopes.YearbookWrite, ct);
        var chosenBy = req.ChosenBy ?? (access.IsPartner ? YearbookChooser.School : YearbookChooser.Studio);
        if (access.IsPartner && chosenBy == YearbookChooser.Studio)
            throw ApiProblem.InvalidInput("chosenBy", "A partner chooses as the school, a student or a parent, not as the studio.");
        await Send.OkAsync(await selections.SelectAsync(req.Id, req.MainImageId, req.SecondaryImageId, chosenBy, ct), ct);
    }
}
