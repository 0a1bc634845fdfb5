using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.Delete;

public sealed class DeleteYearbookStatusRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteYearbookStatusEndpoint(StudioDbContext db) : Endpoint<DeleteYearbookStatusRequest>
{
    public override void Configure()
    {
        Delete("/yearbook-statuses/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("YearbookStatuses", "Delete",
            "Move a yearbook status to the recycle bin",
            "Sessions that have it keep their yearbook status as it is."));
    }

    public override async Task HandleAsync(DeleteYearbookStatusRequest req, CancellationToken ct)
    {
        var yearbookStatus = await db.YearbookStatuses.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("yearbook status", req.Id);
        db.MatchVersion(yearbookStatus, req.IfMatch);

        db.SoftDelete(yearbookStatus);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
