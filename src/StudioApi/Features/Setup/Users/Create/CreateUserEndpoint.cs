using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.Create;

public sealed class CreateUserRequest : UserInput
{
    /// <summary>Sign-in name, unique regardless of case (stored lower-case).</summary>
    public string Username { get; set; } = "";
    /// <summary>At least 12 characters.</summary>
    public string Password { get; set; } = "";

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateUserValidator : Validator<CreateUserRequest>
{
    public CreateUserValidator()
    {
        RuleFor(u => u.Username).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9._@-]+$")
            .WithMessage("Username may hold letters, digits, '.', '_', '@' and '-' only.");
        RuleFor(u => u.Password).NewPassword();
        Include(new UserInputValidator());
    }
}

public sealed class CreateUserEndpoint(StudioDbContext db, IPasswordHasher<User> hasher) : Endpoint<CreateUserRequest, UserResponse>
{
    public override void Configure()
    {
        Post("/users");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "Create", "Create a user who can sign in").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateUserRequest req, CancellationToken ct)
    {
        var user = new User { Username = req.Username.Trim().ToLowerInvariant() };
        req.ApplyTo(user);
        user.PasswordHash = hasher.HashPassword(user, req.Password);
        db.Users.Add(user);
        // Usernames stay taken while their user is in the recycle bin, so restoring one never clashes.
        await db.SaveOrConflictAsync("Users", "Username",
            $"The username {user.Username} is taken (perhaps by a deleted user, who can be restored).", ct);

        HttpContext.WriteETag(user);
        await Send.CreatedAtAsync("Users_Get", new { id = user.Id }, UserResponse.From(user), cancellation: ct);
    }
}
