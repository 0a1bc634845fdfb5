using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Partner.ListStudentSessions;

public sealed class PartnerListStudentSessionsRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class PartnerListStudentSessionsValidator()
    : ListRequestValidator<PartnerListStudentSessionsRequest, Session>(PartnerListStudentSessionsEndpoint.SortKeys);

public sealed class PartnerListStudentSessionsEndpoint(PartnerAccess access) : Endpoint<PartnerListStudentSessionsRequest, Page<PartnerSessionResponse>>
{
    internal static readonly SortKeys<Session> SortKeys = new SortKeys<Session>("startsAt")
        .Add("startsAt", s => s.StartsAt);

    public override void Configure()
    {
        Get("/partner/students/{id}/sessions");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "ListStudentSessions", "List a student's sessions",
            "Scope sessions:read. A student of another organization is not found (404)."));
    }

    public override async Task HandleAsync(PartnerListStudentSessionsRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.SessionsRead);
        if (!await access.Students().AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("student", req.Id);
        var sessions = access.Sessions().Where(s => s.ClientId == req.Id);
        await Send.OkAsync(await sessions.ToPageAsync(req, SortKeys, PartnerSessionResponse.From, ct), ct);
    }
}
