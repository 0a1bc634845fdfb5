using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Restore;

public sealed class RestoreUserRequest
{
    public long Id { get; set; }
}

public sealed class RestoreUserEndpoint(StudioDbContext db) : Endpoint<RestoreUserRequest, UserResponse>
{
    public override void Configure()
    {
        Post("/users/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Restore", "Bring a user back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreUserRequest req, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == req.Id && u.DeletedAt != null, ct)
                   ?? throw ApiProblem.NotFound("deleted user", req.Id);
        // Usernames are unique across the recycle bin, so nobody can have taken this one meanwhile.
        db.Restore(user);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(user);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
