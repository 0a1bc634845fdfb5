using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Rosters.Get;

public sealed class GetRosterImportRequest
{
    public long Id { get; set; }
}

public sealed class GetRosterImportEndpoint(RosterAccess access) : Endpoint<GetRosterImportRequest, RosterImportResponse>
{
    public override void Configure()
    {
        Get("/roster-imports/{id}");
        Roles([.. Platform.Auth.Roles.FrontDesk, Platform.Auth.Roles.Partner]);
        Description(d => d.Operation("Rosters", "GetImport", "Get a roster import with its report",
            "Scope roster:read. What it did (or, dry, would do), row by row. Another organization's import is not found (404)."));
    }

    public override async Task HandleAsync(GetRosterImportRequest req, CancellationToken ct)
    {
        var import = await access.Imports(PartnerScopes.RosterRead).SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("roster import", req.Id);
        HttpContext.WriteETag(import);
        await Send.OkAsync(RosterImportResponse.From(import), ct);
    }
}
