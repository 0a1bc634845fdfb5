using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Partner;

/// <summary>
/// The only way a partner endpoint reaches records: each query here starts from the caller's organizations, so a
/// record of another organization is not found (404), whatever the route. The scope is checked before any record is
/// looked up, so a partner lacking it learns nothing (403).
/// </summary>
public sealed class PartnerAccess(StudioDbContext db, IHttpContextAccessor http)
{
    ClaimsPrincipal Caller => http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public void Require(string scope)
    {
        if (!Caller.HasScope(scope))
            throw ApiProblem.Forbidden($"This client has no {scope} scope.");
    }

    public IQueryable<Organization> Organizations()
    {
        var mine = Caller.OrganizationIds();
        return db.Set<Organization>().AsNoTracking().Where(o => mine.Contains(o.Id));
    }

    /// <summary>The students (clients with a student record) of the caller's organizations.</summary>
    public IQueryable<Client> Students()
    {
        var mine = Caller.OrganizationIds();
        return db.Set<Client>().AsNoTracking().Where(c => c.Student != null && mine.Contains(c.Student.OrganizationId));
    }

    public IQueryable<Session> Sessions()
    {
        var students = Students().Select(c => c.Id);
        return db.Set<Session>().AsNoTracking().Where(s => students.Contains(s.ClientId));
    }

    public IQueryable<SessionImage> Images()
    {
        var sessions = Sessions().Select(s => s.Id);
        return db.Set<SessionImage>().AsNoTracking().Where(i => sessions.Contains(i.SessionId));
    }

    /// <summary>The yearbook packages (package render runs) made for the caller's organizations.</summary>
    public IQueryable<RenderRun> YearbookPackages()
    {
        var mine = Caller.OrganizationIds();
        return db.Set<RenderRun>().AsNoTracking().Where(r => r.Package != null && mine.Contains(r.Package.OrganizationId));
    }

    public async Task<Organization> OrganizationAsync(long id, CancellationToken ct) =>
        await Organizations().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw ApiProblem.NotFound("organization", id);

    public async Task<Client> StudentAsync(long id, CancellationToken ct) =>
        await Students().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw ApiProblem.NotFound("student", id);

    public async Task EnsureSessionAsync(long id, CancellationToken ct)
    {
        if (!await Sessions().AnyAsync(s => s.Id == id, ct))
            throw ApiProblem.NotFound("session", id);
    }
}
