using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.Update;

public sealed class UpdateLocationRequest : LocationInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateLocationValidator : Validator<UpdateLocationRequest>
{
    public UpdateLocationValidator() => Include(new LocationInputValidator());
}

public sealed class UpdateLocationEndpoint(StudioDbContext db) : Endpoint<UpdateLocationRequest, LocationResponse>
{
    public override void Configure()
    {
        Put("/locations/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Locations", "Update", "Replace a location's fields"));
    }

    public override async Task HandleAsync(UpdateLocationRequest req, CancellationToken ct)
    {
        var location = await db.Locations.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("location", req.Id);
        db.MatchVersion(location, req.IfMatch);
        req.ApplyTo(location);
        await db.SaveOrConflictAsync("Locations", "Name",
            $"A location named {location.Name} already exists.", ct);

        HttpContext.WriteETag(location);
        await Send.OkAsync(LocationResponse.From(location), ct);
    }
}
