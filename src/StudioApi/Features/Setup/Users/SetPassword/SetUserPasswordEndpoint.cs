using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.SetPassword;

public sealed class SetUserPasswordRequest
{
    [RouteParam]
    public long Id { get; set; }
    /// <summary>At least 12 characters.</summary>
    public string Password { get; set; } = "";
}

public sealed class SetUserPasswordValidator : Validator<SetUserPasswordRequest>
{
    public SetUserPasswordValidator() => RuleFor(r => r.Password).NewPassword();
}

/// <summary>Sets a new password and signs the user out of every device (their refresh tokens are revoked).</summary>
public sealed class SetUserPasswordEndpoint(StudioDbContext db, IPasswordHasher<User> hasher) : Endpoint<SetUserPasswordRequest>
{
    public override void Configure()
    {
        Post("/users/{id}/password");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "SetPassword", "Set a user's password and sign them out everywhere"));
    }

    public override async Task HandleAsync(SetUserPasswordRequest req, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("user", req.Id);
        // A normal save: a new password is an administrator's edit of the user, stamped and versioned like any other.
        user.PasswordHash = hasher.HashPassword(user, req.Password);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await db.RevokeRefreshTokensOfUserAsync(user.Id, ct);
            return 0;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}
