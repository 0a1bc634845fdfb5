using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Delete;

public sealed class DeleteUserRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteUserEndpoint(StudioDbContext db) : Endpoint<DeleteUserRequest>
{
    public override void Configure()
    {
        Delete("/users/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Delete", "Move a user to the recycle bin",
            "And signs them out."));
    }

    public override async Task HandleAsync(DeleteUserRequest req, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("user", req.Id);
        db.MatchVersion(user, req.IfMatch);
        AdministratorRules.RefuseOnSelf(user.Id, User.UserId(), "delete");

        db.SoftDelete(user);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AdministratorRules.EnsureAnActiveAdministratorRemainsAsync(db, ct);
            await db.RevokeRefreshTokensOfUserAsync(user.Id, ct);
            return 0;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
