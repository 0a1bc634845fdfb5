using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Yearbook.GetSelection;

public sealed class GetYearbookSelectionRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }
}

public sealed class GetYearbookSelectionEndpoint(YearbookAccess access, YearbookSelections selections)
    : Endpoint<GetYearbookSelectionRequest, YearbookSelectionResponse>
{
    public override void Configure()
    {
        Get("/sessions/{id}/yearbook");
        Roles([.. Platform.Auth.Roles.AnyStaff, Platform.Auth.Roles.Partner]);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The session is not a session of an organization.")
            .Operation("Yearbook", "GetSelection", "Get a session's yearbook selection",
                "Scope yearbook:read. The main and secondary yearbook image, who chose each (studio, student, parent or school) "
                + "and when, the session's yearbook status and its organization's selection deadline. A partner reaches only "
                + "its organizations' students' sessions (404 otherwise)."));
    }

    public override async Task HandleAsync(GetYearbookSelectionRequest req, CancellationToken ct)
    {
        await access.EnsureSessionAsync(req.Id, PartnerScopes.YearbookRead, ct);
        await Send.OkAsync(await selections.GetAsync(req.Id, ct), ct);
    }
}
