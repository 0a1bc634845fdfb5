using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.Create;

public sealed class CreateLocationRequest : LocationInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateLocationValidator : Validator<CreateLocationRequest>
{
    public CreateLocationValidator() => Include(new LocationInputValidator());
}

public sealed class CreateLocationEndpoint(StudioDbContext db) : Endpoint<CreateLocationRequest, LocationResponse>
{
    public override void Configure()
    {
        Post("/locations");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Locations", "Create", "Create an outside location").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateLocationRequest req, CancellationToken ct)
    {
        var location = new Location();
        req.ApplyTo(location);
        db.Locations.Add(location);
        await db.SaveOrConflictAsync("Locations", "Name",
            $"A location named {location.Name} already exists.", ct);

        HttpContext.WriteETag(location);
        await Send.CreatedAtAsync("Locations_Get", new { id = location.Id }, LocationResponse.From(location), cancellation: ct);
    }
}
