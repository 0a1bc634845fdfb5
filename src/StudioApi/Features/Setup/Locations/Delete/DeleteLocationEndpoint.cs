using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.Delete;

public sealed class DeleteLocationRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteLocationEndpoint(StudioDbContext db, ISetupRecordUses<Location> uses) : Endpoint<DeleteLocationRequest>
{
    public override void Configure()
    {
        Delete("/locations/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live sessions use the location (their count in sessionCount).")
            .Operation("Locations", "Delete",
                "Move a location to the recycle bin",
                "Refused while live sessions use it."));
    }

    public override async Task HandleAsync(DeleteLocationRequest req, CancellationToken ct)
    {
        var location = await db.Locations.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("location", req.Id);
        db.MatchVersion(location, req.IfMatch);

        // Only live sessions count: one in the recycle bin does not keep the location alive.
        var sessionCount = await uses.CountAsync(location.Id, ct);
        if (sessionCount > 0)
            throw ApiProblem.Conflict(
                $"{sessionCount} session(s) use {location.Name}; move them first, or make the location inactive instead.",
                new Dictionary<string, object?> { ["sessionCount"] = sessionCount });

        db.SoftDelete(location);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
