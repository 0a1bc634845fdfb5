using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Get;

public sealed class GetUserRequest
{
    public long Id { get; set; }
}

public sealed class GetUserEndpoint(StudioDbContext db) : Endpoint<GetUserRequest, UserResponse>
{
    public override void Configure()
    {
        Get("/users/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Get", "Get a user"));
    }

    public override async Task HandleAsync(GetUserRequest req, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("user", req.Id);
        HttpContext.WriteETag(user);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
