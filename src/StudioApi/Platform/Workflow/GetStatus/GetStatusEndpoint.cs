using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.GetStatus;

public sealed class GetStatusRequest
{
    public long Id { get; set; }
}

public sealed class GetStatusEndpoint(StudioDbContext db) : Endpoint<GetStatusRequest, StatusDefinitionResponse>
{
    public override void Configure()
    {
        Get("/workflow/statuses/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "GetStatus", "Get a status definition"));
    }

    public override async Task HandleAsync(GetStatusRequest req, CancellationToken ct)
    {
        var status = await db.StatusDefinitions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("status", req.Id);
        HttpContext.WriteETag(status);
        await Send.OkAsync(StatusDefinitionResponse.From(status), ct);
    }
}
