using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists;

/// <summary>
/// The list a session sells from in a channel: its organization's if it has one, else its session type's, else the
/// channel's default (one indexed lookup of the three candidates). Invoices of the session are priced from it.
/// </summary>
public static class SessionPriceList
{
    /// <summary>The chosen list and why, or null when none applies.</summary>
    public static async Task<(long PriceListId, AssignmentTarget ChosenBy)?> FindAsync(StudioDbContext db, long? organizationId, long? sessionTypeId,
        SalesChannel channel, CancellationToken ct)
    {
        var organization = organizationId ?? -1;
        var sessionType = sessionTypeId ?? -1;
        var candidates = await db.PriceLists.AsNoTracking()
            .SelectMany(l => l.Assignments.Where(a => a.Channel == channel && a.ListIsLive
                    && (a.Target == AssignmentTarget.Default
                        || a.Target == AssignmentTarget.SessionType && a.TargetId == sessionType
                        || a.Target == AssignmentTarget.Organization && a.TargetId == organization)),
                (l, a) => new { l.Id, a.Target })
            .ToListAsync(ct);
        var chosen = candidates.OrderBy(c => c.Target switch
            { AssignmentTarget.Organization => 0, AssignmentTarget.SessionType => 1, _ => 2 }).FirstOrDefault();
        return chosen is null ? null : (chosen.Id, chosen.Target);
    }
}
