using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Partner.GetStudent;

public sealed class PartnerGetStudentRequest
{
    public long Id { get; set; }
}

public sealed class PartnerGetStudentEndpoint(PartnerAccess access) : Endpoint<PartnerGetStudentRequest, PartnerStudentResponse>
{
    public override void Configure()
    {
        Get("/partner/students/{id}");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "GetStudent", "Get a student",
            "Scope roster:read. A student of another organization is not found (404)."));
    }

    public override async Task HandleAsync(PartnerGetStudentRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.RosterRead);
        await Send.OkAsync(PartnerStudentResponse.From(await access.StudentAsync(req.Id, ct)), ct);
    }
}
