using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Update;

public sealed class UpdateUserRequest : UserInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    /// <summary>false disables the user: they cannot sign in, and tokens already issued stop working at once.</summary>
    public bool? IsActive { get; set; }
}

public sealed class UpdateUserValidator : Validator<UpdateUserRequest>
{
    public UpdateUserValidator()
    {
        Include(new UserInputValidator());
        RuleFor(u => u.IsActive).NotNull();
    }
}

/// <summary>Role changes and disabling take effect on the user's next request (see CurrentUserCheck), not at token expiry.</summary>
public sealed class UpdateUserEndpoint(StudioDbContext db) : Endpoint<UpdateUserRequest, UserResponse>
{
    public override void Configure()
    {
        Put("/users/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Update", "Replace a user's fields",
            "Name, email, role and enabled state."));
    }

    public override async Task HandleAsync(UpdateUserRequest req, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("user", req.Id);
        db.MatchVersion(user, req.IfMatch);
        if (req.IsActive == false)
            AdministratorRules.RefuseOnSelf(user.Id, User.UserId(), "disable");

        var disabling = user.IsActive && req.IsActive == false;
        req.ApplyTo(user);
        user.IsActive = req.IsActive!.Value;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AdministratorRules.EnsureAnActiveAdministratorRemainsAsync(db, ct);
            if (disabling)
                await db.RevokeRefreshTokensOfUserAsync(user.Id, ct);
            return 0;
        }, ct);

        HttpContext.WriteETag(user);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
