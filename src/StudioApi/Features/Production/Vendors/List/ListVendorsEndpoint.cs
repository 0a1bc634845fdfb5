using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.List;

public sealed class ListVendorsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }
    /// <summary>Vendors taking orders this way.</summary>
    public SubmissionMethod? SubmissionMethod { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListVendorsValidator : ListRequestValidator<ListVendorsRequest, Vendor>
{
    public ListVendorsValidator() : base(ListVendorsEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(VendorLimits.NameLength);
        RuleFor(r => r.SubmissionMethod).IsInEnum();
    }
}

public sealed class ListVendorsEndpoint(StudioDbContext db) : Endpoint<ListVendorsRequest, Page<VendorResponse>>
{
    internal static readonly SortKeys<Vendor> SortKeys = new SortKeys<Vendor>("name")
        .Add("name", v => v.Name);

    public override void Configure()
    {
        Get("/vendors");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Vendors", "List", "List vendors", "By name by default; q finds text in the name."));
    }

    public override async Task HandleAsync(ListVendorsRequest req, CancellationToken ct)
    {
        var query = db.Set<Vendor>().AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(v => v.DeletedAt != null);
        if (req.SubmissionMethod is { } method)
            query = query.Where(v => v.SubmissionMethod == method);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(v => EF.Functions.Like(v.Name, pattern, Like.Escape));
        }
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, VendorResponse.From, ct), ct);
    }
}
