using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Schools.Partner;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>Roster operations serve the front desk and partners: a partner needs the scope, and only its organizations exist for it.</summary>
public sealed class RosterAccess(StudioDbContext db, PartnerAccess partners, IHttpContextAccessor http)
{
    bool IsPartner => http.HttpContext?.User.IsPartner() == true;

    public async Task EnsureOrganizationAsync(long organizationId, string partnerScope, CancellationToken ct)
    {
        if (IsPartner)
        {
            partners.Require(partnerScope);
            await partners.OrganizationAsync(organizationId, ct);
        }
        else if (!await db.Set<Organization>().AnyAsync(o => o.Id == organizationId, ct))
            throw ApiProblem.NotFound("organization", organizationId);
    }

    /// <summary>The imports the caller may see: all for staff, its organizations' for a partner (after the scope check).</summary>
    public IQueryable<RosterImport> Imports(string partnerScope)
    {
        var imports = db.Set<RosterImport>().AsNoTracking();
        if (!IsPartner)
            return imports;
        partners.Require(partnerScope);
        var mine = partners.Organizations().Select(o => o.Id);
        return imports.Where(i => mine.Contains(i.OrganizationId));
    }
}
