using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users.List;

public sealed class ListUsersRequest : ListRequest
{
    /// <summary>Text found in the username, display name or email.</summary>
    public string? Q { get; set; }

    public UserRole? Role { get; set; }

    /// <summary>true lists enabled users only, false disabled ones only.</summary>
    public bool? IsActive { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListUsersValidator() : ListRequestValidator<ListUsersRequest, User>(ListUsersEndpoint.SortKeys)
{
}

public sealed class ListUsersEndpoint(StudioDbContext db) : Endpoint<ListUsersRequest, Page<UserResponse>>
{
    internal static readonly SortKeys<User> SortKeys = new SortKeys<User>("username")
        .Add("username", u => u.Username)
        .Add("displayName", u => u.DisplayName)
        .Add("createdAt", u => u.CreatedAt);

    public override void Configure()
    {
        Get("/users");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Users", "List", "List users"));
    }

    public override async Task HandleAsync(ListUsersRequest req, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(u => u.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(u => EF.Functions.Like(u.Username, pattern, Like.Escape)
                                     || EF.Functions.Like(u.DisplayName, pattern, Like.Escape)
                                     || EF.Functions.Like(u.Email!, pattern, Like.Escape));
        }
        if (req.Role is { } role)
            query = query.Where(u => u.Role == role);
        if (req.IsActive is { } isActive)
            query = query.Where(u => u.IsActive == isActive);

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, UserResponse.From, ct), ct);
    }
}
