using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Schools.Partner;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Yearbook;

/// <summary>Yearbook operations serve the studio and partners: a partner needs the scope, and only its organizations' students' sessions exist for it.</summary>
public sealed class YearbookAccess(StudioDbContext db, PartnerAccess partners, IHttpContextAccessor http)
{
    public bool IsPartner => http.HttpContext?.User.IsPartner() == true;

    public async Task EnsureSessionAsync(long sessionId, string partnerScope, CancellationToken ct)
    {
        if (!IsPartner)
            return;
        partners.Require(partnerScope);
        await partners.EnsureSessionAsync(sessionId, ct);
    }

    public async Task<Organization> OrganizationAsync(long organizationId, string partnerScope, CancellationToken ct)
    {
        if (!IsPartner)
            return await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct)
                   ?? throw ApiProblem.NotFound("organization", organizationId);
        partners.Require(partnerScope);
        return await partners.OrganizationAsync(organizationId, ct);
    }
}
