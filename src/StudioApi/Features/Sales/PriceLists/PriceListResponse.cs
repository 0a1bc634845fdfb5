using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Platform.Http;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.PriceLists;

public sealed class PriceListResponse : RecordResponse
{
    public const int MaxGroups = 200;

    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The currency of every amount of the list: the studio's (settings.currency).</summary>
    [MaxLength(3)]
    public required string Currency { get; init; }
    public required PriceListUse InStudio { get; init; }
    public required PriceListUse Online { get; init; }
    /// <summary>How many live items the list has.</summary>
    public required int ItemCount { get; init; }
    /// <summary>The list's live groups in order (change them with the group operations).</summary>
    [MaxLength(MaxGroups)]
    public required IReadOnlyList<PriceListGroupResponse> Groups { get; init; }

    public static PriceListResponse From(PriceList list, string currency, int itemCount, IEnumerable<PriceListGroup> groups) => new PriceListResponse
    {
        Name = list.Name,
        Description = list.Description,
        Currency = currency,
        InStudio = PriceListUses.Use(list.Assignments, SalesChannel.InStudio),
        Online = PriceListUses.Use(list.Assignments, SalesChannel.Online),
        ItemCount = itemCount,
        Groups = groups.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(PriceListGroupResponse.From).ToList(),
    }.WithAudit(list);

    /// <summary>The responses of several lists, with their groups and item counts read in one query each.</summary>
    public static async Task<List<PriceListResponse>> ManyAsync(StudioDbContext db, IReadOnlyList<PriceList> lists, CancellationToken ct)
    {
        var ids = lists.Select(l => l.Id).ToList();
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        // A list in the recycle bin shows the groups deleted with it.
        var groups = (await db.PriceListGroups.IgnoreQueryFilters().AsNoTracking()
                .Where(g => ids.Contains(g.PriceListId)).ToListAsync(ct))
            .ToLookup(g => g.PriceListId);
        var counts = await db.PriceListItems.IgnoreQueryFilters().Where(i => ids.Contains(i.PriceListId))
            .GroupBy(i => new { i.PriceListId, i.DeletedAt }).Select(g => new { g.Key.PriceListId, g.Key.DeletedAt, Count = g.Count() })
            .ToListAsync(ct);
        return lists.Select(list =>
        {
            var live = list.DeletedAt is null;
            // A live list counts its live rows; a deleted one what was deleted with it.
            bool Belongs(DateTime? deletedAt) => live ? deletedAt is null : deletedAt == list.DeletedAt;
            var count = counts.Where(c => c.PriceListId == list.Id && Belongs(c.DeletedAt)).Sum(c => c.Count);
            return From(list, settings.Currency, count, groups[list.Id].Where(g => Belongs(g.DeletedAt)));
        }).ToList();
    }

    public static async Task<PriceListResponse> OneAsync(StudioDbContext db, PriceList list, CancellationToken ct) =>
        (await ManyAsync(db, [list], ct))[0];
}
