using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// Who sells and who sees which invoices and payments. The front desk (admin, staff) sees and sells everything; the
/// sales role (the kiosk) sells only for sessions it can see and sees only the invoices of those sessions, so a record
/// it may not see is a 404, as everywhere. Photographers do not sell. Today every staff role reads every live session
/// (README: "every staff member can read every session"), so the kiosk's sessions are the live ones; a narrower rule
/// for what the kiosk presents plugs in at <see cref="VisibleSessions"/>, and every invoice and payment query goes
/// through <see cref="Visible(IQueryable{Invoice}, StudioDbContext, ClaimsPrincipal)"/>.
/// </summary>
public static class InvoiceAccess
{
    /// <summary>Who sells: the front desk and the kiosk.</summary>
    public static readonly string[] Sellers = [Roles.Admin, Roles.Staff, Roles.Sales];

    /// <summary>Whether the caller sees every invoice (the front desk) rather than those of the sessions it can see.</summary>
    public static bool SeesAll(ClaimsPrincipal user) => Roles.FrontDesk.Any(user.IsInRole);

    /// <summary>The sessions the caller may sell for.</summary>
    public static IQueryable<Session> VisibleSessions(StudioDbContext db, ClaimsPrincipal user) => db.Sessions;

    public static IQueryable<Invoice> Visible(this IQueryable<Invoice> invoices, StudioDbContext db, ClaimsPrincipal user)
    {
        if (SeesAll(user))
            return invoices;
        if (!user.IsInRole(Roles.Sales))
            return invoices.Where(i => false);
        var sessions = VisibleSessions(db, user);
        return invoices.Where(i => i.SessionId != null && sessions.Any(s => s.Id == i.SessionId));
    }

    /// <summary>The live invoice if the caller may see it, tracked; else 404.</summary>
    public static async Task<Invoice> FindAsync(StudioDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
        await db.Invoices.Visible(db, user).Include(i => i.Status).SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw ApiProblem.NotFound("invoice", id);

    /// <summary>404 unless the caller may see a live invoice with this id.</summary>
    public static async Task EnsureVisibleAsync(StudioDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        if (!await db.Invoices.Visible(db, user).AnyAsync(i => i.Id == id, ct))
            throw ApiProblem.NotFound("invoice", id);
    }
}
