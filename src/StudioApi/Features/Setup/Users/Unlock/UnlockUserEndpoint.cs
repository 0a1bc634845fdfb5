using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Unlock;

public sealed class UnlockUserRequest
{
    public long Id { get; set; }
}

/// <summary>Lifts a lockout after too many failed sign-ins, so the user can try again at once.</summary>
public sealed class UnlockUserEndpoint(StudioDbContext db) : Endpoint<UnlockUserRequest, UserResponse>
{
    public override void Configure()
    {
        Post("/users/{id}/unlock");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Unlock", "Clear a user's sign-in lockout"));
    }

    public override async Task HandleAsync(UnlockUserRequest req, CancellationToken ct)
    {
        // Lockout is sign-in bookkeeping, not an edit of the user: it must not change the version (the ETag).
        var unlocked = await db.Users.Where(u => u.Id == req.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.FailedLoginCount, 0), ct);
        if (unlocked == 0)
            throw ApiProblem.NotFound("user", req.Id);

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == req.Id, ct);
        HttpContext.WriteETag(user);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
