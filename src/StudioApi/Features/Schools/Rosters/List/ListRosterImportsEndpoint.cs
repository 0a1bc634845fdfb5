using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;

namespace StudioApi.Features.Schools.Rosters.List;

public sealed class ListRosterImportsRequest : ListRequest
{
    /// <summary>The organization.</summary>
    public long Id { get; set; }
}

public sealed class ListRosterImportsValidator() : ListRequestValidator<ListRosterImportsRequest, RosterImport>(ListRosterImportsEndpoint.SortKeys);

/// <summary>The organization's roster history: each import with its counts (and its rows, as GET of one answers them).</summary>
public sealed class ListRosterImportsEndpoint(RosterAccess access) : Endpoint<ListRosterImportsRequest, Page<RosterImportResponse>>
{
    internal static readonly SortKeys<RosterImport> SortKeys = new SortKeys<RosterImport>("-createdAt")
        .Add("createdAt", i => i.CreatedAt);

    public override void Configure()
    {
        Get("/organizations/{id}/roster-imports");
        Roles([.. Platform.Auth.Roles.FrontDesk, Platform.Auth.Roles.Partner]);
        Description(d => d.Operation("Rosters", "ListImports", "List an organization's roster imports",
            "Scope roster:read. Newest first by default: the organization's roster history."));
    }

    public override async Task HandleAsync(ListRosterImportsRequest req, CancellationToken ct)
    {
        await access.EnsureOrganizationAsync(req.Id, PartnerScopes.RosterRead, ct);
        var imports = access.Imports(PartnerScopes.RosterRead).Where(i => i.OrganizationId == req.Id);
        await Send.OkAsync(await imports.ToPageAsync(req, SortKeys, RosterImportResponse.From, ct), ct);
    }
}
