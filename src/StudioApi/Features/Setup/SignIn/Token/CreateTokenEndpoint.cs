using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.RateLimiting;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SignIn.Token;

public sealed class CreateTokenRequest
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class CreateTokenValidator : Validator<CreateTokenRequest>
{
    public CreateTokenValidator()
    {
        RuleFor(r => r.Username).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(200);
    }
}

/// <summary>Sign in with username and password. Repeated failures lock the account for a while.</summary>
public sealed class CreateTokenEndpoint(
    StudioDbContext db,
    AccessTokenIssuer accessTokens,
    RefreshTokenIssuer refreshTokens,
    IPasswordHasher<User> hasher,
    IOptions<JwtSettings> settings) : Endpoint<CreateTokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("/auth/token");
        AllowAnonymous();
        Description(d => d.Operation("Auth", "CreateToken", "Sign in").LimitedAsSignIn()
            .WithDescription("Exchanges a username and password for a short-lived access token and a single-use refresh token. Five failed attempts in a row lock the account for a while."));
    }

    public override async Task HandleAsync(CreateTokenRequest req, CancellationToken ct)
    {
        var username = req.Username.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == username, ct);
        var now = db.UtcNow;

        if (user is null || !user.IsActive)
            throw InvalidCredentials();
        if (user.LockedUntil > now)
            throw new ApiProblem(StatusCodes.Status401Unauthorized, "Account locked",
                "Too many failed sign-ins: this account is locked for a while. Try again later or ask an administrator.");

        // Sign-in bookkeeping is written with ExecuteUpdate: it is not an edit of the user record, so it must not
        // bump the version an administrator's If-Match refers to. The increment is atomic, so parallel guesses all count.
        var users = db.Users.Where(u => u.Id == user.Id);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, req.Password) == PasswordVerificationResult.Failed)
        {
            await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, x => x.FailedLoginCount + 1), ct);
            var lockUntil = now.AddMinutes(settings.Value.LockoutMinutes);
            await users.Where(u => u.FailedLoginCount >= settings.Value.MaxFailedLogins)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntil, lockUntil).SetProperty(x => x.FailedLoginCount, 0), ct);
            throw InvalidCredentials();
        }

        await users.ExecuteUpdateAsync(u => u
            .SetProperty(x => x.FailedLoginCount, 0)
            .SetProperty(x => x.LockedUntil, (DateTime?)null)
            .SetProperty(x => x.LastLoginAt, now), ct);
        var refresh = refreshTokens.Issue(user.Id);
        db.RefreshTokens.Add(refresh.Record);
        await db.SaveChangesAsync(ct);

        await Send.OkAsync(TokenResponse.Create(accessTokens.Issue(user), refresh, now), ct);
    }

    static ApiProblem InvalidCredentials() =>
        new(StatusCodes.Status401Unauthorized, "Invalid credentials", "The username or password is wrong.");
}
