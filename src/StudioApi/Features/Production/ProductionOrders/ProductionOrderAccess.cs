using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders;

/// <summary>
/// Who sees which production orders: whoever sees the order's invoice (<see cref="InvoiceAccess"/>). The front desk
/// sees them all; the kiosk (sales) only those of invoices of the sessions it can see, so any other is a 404;
/// photographers work production too (retouching, cropping), so they see every order.
/// </summary>
public static class ProductionOrderAccess
{
    /// <summary>Who reads and works production orders.</summary>
    public static readonly string[] Workers = [Platform.Auth.Roles.Admin, Platform.Auth.Roles.Staff, Platform.Auth.Roles.Photographer, Platform.Auth.Roles.Sales];

    public static IQueryable<ProductionOrder> Visible(this IQueryable<ProductionOrder> orders, StudioDbContext db, ClaimsPrincipal user)
    {
        if (SeesEveryOrder(user))
            return orders;
        var invoices = db.Set<Invoice>().IgnoreQueryFilters().Visible(db, user);
        return orders.Where(o => invoices.Any(i => i.Id == o.InvoiceId));
    }

    /// <summary>The live invoices whose Production tab the caller may open: every one for those who see every order.</summary>
    public static IQueryable<Invoice> InvoicesWithVisibleOrders(StudioDbContext db, ClaimsPrincipal user) =>
        SeesEveryOrder(user) ? db.Invoices : db.Invoices.Visible(db, user);

    static bool SeesEveryOrder(ClaimsPrincipal user) => InvoiceAccess.SeesAll(user) || user.IsInRole(Platform.Auth.Roles.Photographer);

    /// <summary>The live order if the caller may see it, tracked, with its status; else 404.</summary>
    public static async Task<ProductionOrder> FindAsync(StudioDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
        await db.Set<ProductionOrder>().Visible(db, user).Include(o => o.Status).SingleOrDefaultAsync(o => o.Id == id, ct)
        ?? throw ApiProblem.NotFound("production order", id);

    public static async Task EnsureVisibleAsync(StudioDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        if (!await db.Set<ProductionOrder>().Visible(db, user).AnyAsync(o => o.Id == id, ct))
            throw ApiProblem.NotFound("production order", id);
    }
}
