using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.List;

public sealed class ListOrganizationsRequest : ListRequest
{
    /// <summary>Text found in the name or code.</summary>
    public string? Q { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListOrganizationsValidator() : ListRequestValidator<ListOrganizationsRequest, Organization>(ListOrganizationsEndpoint.SortKeys)
{
}

public sealed class ListOrganizationsEndpoint(StudioDbContext db) : Endpoint<ListOrganizationsRequest, Page<OrganizationResponse>>
{
    internal static readonly SortKeys<Organization> SortKeys = new SortKeys<Organization>("name")
        .Add("name", o => o.Name)
        .Add("code", o => o.Code)
        .Add("createdAt", o => o.CreatedAt)
        .Add("updatedAt", o => o.UpdatedAt);

    public override void Configure()
    {
        Get("/organizations");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Organizations", "List", "List organizations"));
    }

    public override async Task HandleAsync(ListOrganizationsRequest req, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(o => o.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(o => EF.Functions.Like(o.Name, pattern, Like.Escape) || EF.Functions.Like(o.Code, pattern, Like.Escape));
        }

        // The page's ids from the sort's index, then those organizations with their contacts.
        var records = db.Organizations.IgnoreQueryFilters().AsNoTracking();
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, OrganizationResponse.From, ct), ct);
    }
}
