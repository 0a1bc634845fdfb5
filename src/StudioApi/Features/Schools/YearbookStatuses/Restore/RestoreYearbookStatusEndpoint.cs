using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.Restore;

public sealed class RestoreYearbookStatusRequest
{
    public long Id { get; set; }
}

public sealed class RestoreYearbookStatusEndpoint(StudioDbContext db) : Endpoint<RestoreYearbookStatusRequest, YearbookStatusResponse>
{
    public override void Configure()
    {
        Post("/yearbook-statuses/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("YearbookStatuses", "Restore", "Bring a yearbook status back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreYearbookStatusRequest req, CancellationToken ct)
    {
        var yearbookStatus = await db.YearbookStatuses.IgnoreQueryFilters()
                           .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                       ?? throw ApiProblem.NotFound("deleted yearbook status", req.Id);
        db.Restore(yearbookStatus);
        await db.SaveOrConflictAsync("YearbookStatuses", "Name",
            $"Another yearbook status is now named {yearbookStatus.Name}; rename it first.", ct);

        HttpContext.WriteETag(yearbookStatus);
        await Send.OkAsync(YearbookStatusResponse.From(yearbookStatus), ct);
    }
}
