using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Yearbook.Report;

public sealed class GetYearbookReportRequest
{
    /// <summary>The organization.</summary>
    public long Id { get; set; }
    /// <summary>true lists only the students with a main yearbook image, false only those without; absent lists all.</summary>
    [QueryParam]
    public bool? HasImage { get; set; }
}

public sealed class GetYearbookReportEndpoint(YearbookAccess access, YearbookSelections selections)
    : Endpoint<GetYearbookReportRequest, YearbookReportResponse>
{
    public override void Configure()
    {
        Get("/organizations/{id}/yearbook-report");
        Roles([.. Platform.Auth.Roles.AnyStaff, Platform.Auth.Roles.Partner]);
        Description(d => d.Operation("Yearbook", "GetReport", "Get an organization's yearbook approval report",
            "Scope yearbook:read. Every student on the organization's roster, by last and first name, with the yearbook "
            + "selection of their session of the organization (the latest with a main image, else the latest), who chose "
            + "and when: who has a yearbook image and who has not yet, with the counts and the selection deadline."));
    }

    public override async Task HandleAsync(GetYearbookReportRequest req, CancellationToken ct)
    {
        var organization = await access.OrganizationAsync(req.Id, PartnerScopes.YearbookRead, ct);
        await Send.OkAsync(await selections.ReportAsync(organization, req.HasImage, ct), ct);
    }
}
