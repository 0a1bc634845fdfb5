using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Relationships;
using StudioApi.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// The setup lists every studio needs before it can enter its first client, demo data or not. Each list is
/// filled only while it is empty (counting the recycle bin), so a studio's own edits are never undone.
/// </summary>
public static class ReferenceData
{
    static readonly string[] RelationshipNames = ["Mother", "Father", "Guardian", "Spouse", "Child", "Sibling", "Grandparent", "Other"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (!await db.Relationships.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.Relationships.AddRange(RelationshipNames.Select((name, i) => new Relationship { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
    }
}
