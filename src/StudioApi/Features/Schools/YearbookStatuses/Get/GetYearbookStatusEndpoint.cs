using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.Get;

public sealed class GetYearbookStatusRequest
{
    public long Id { get; set; }
}

public sealed class GetYearbookStatusEndpoint(StudioDbContext db) : Endpoint<GetYearbookStatusRequest, YearbookStatusResponse>
{
    public override void Configure()
    {
        Get("/yearbook-statuses/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("YearbookStatuses", "Get", "Get a yearbook status"));
    }

    public override async Task HandleAsync(GetYearbookStatusRequest req, CancellationToken ct)
    {
        var yearbookStatus = await db.YearbookStatuses.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("yearbook status", req.Id);
        HttpContext.WriteETag(yearbookStatus);
        await Send.OkAsync(YearbookStatusResponse.From(yearbookStatus), ct);
    }
}
