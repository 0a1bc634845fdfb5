using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.List;

public sealed class ListResourcesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active resources (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>Only resources of this kind.</summary>
    public ResourceKind? Kind { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListResourcesValidator : ListRequestValidator<ListResourcesRequest, Resource>
{
    public ListResourcesValidator() : base(ListResourcesEndpoint.SortKeys)
    {
        RuleFor(r => r.Kind).IsInEnum();
    }
}

public sealed class ListResourcesEndpoint(StudioDbContext db) : Endpoint<ListResourcesRequest, Page<ResourceResponse>>
{
    internal static readonly SortKeys<Resource> SortKeys = new SortKeys<Resource>("sortOrder")
        .Add("sortOrder", r => r.SortOrder)
        .Add("name", r => r.Name);

    public override void Configure()
    {
        Get("/resources");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Resources", "List", "List resources",
            "Camera rooms and other bookable resources."));
    }

    public override async Task HandleAsync(ListResourcesRequest req, CancellationToken ct)
    {
        var query = db.Resources.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(r => r.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(r => r.IsActive == active);
        if (req.Kind is { } kind)
            query = query.Where(r => r.Kind == kind);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(r => EF.Functions.Like(r.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, ResourceResponse.From, ct), ct);
    }
}
