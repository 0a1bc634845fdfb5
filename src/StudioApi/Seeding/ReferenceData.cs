using Microsoft.EntityFrameworkCore;
using StudioApi.Features.ProductionTypes;
using StudioApi.Features.Relationships;
using StudioApi.Features.SessionTypes;
using StudioApi.Features.TaskTypes;
using StudioApi.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// The setup lists every studio needs before it can enter its first client, demo data or not. Each list is
/// filled only while it is empty (counting the recycle bin), so a studio's own edits are never undone.
/// </summary>
public static class ReferenceData
{
    static readonly string[] RelationshipNames = ["Mother", "Father", "Guardian", "Spouse", "Child", "Sibling", "Grandparent", "Other"];

    /// <summary>
    /// Lengths are starting guesses to edit. A school picture day is the studio's own organization work (a whole day
    /// at the school), not something a client books; the sessions issue adds the online-booking flag that says so.
    /// </summary>
    static readonly (string Name, SessionStyle Style, int Minutes)[] SessionTypeDefaults =
    [
        ("Portrait", SessionStyle.Portrait, 60),
        ("Family", SessionStyle.Portrait, 60),
        ("Senior", SessionStyle.Portrait, 90),
        ("School Picture Day", SessionStyle.Organization, 480),
        ("Event", SessionStyle.SocialEvent, 240),
    ];

    static readonly string[] ProductionTypeNames = ["Prints", "Frames", "Albums", "Digital"];

    static readonly string[] TaskTypeNames = ["Customer Service", "Retouch Request", "Reprint", "Complaint"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (!await db.Relationships.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.Relationships.AddRange(RelationshipNames.Select((name, i) => new Relationship { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.SessionTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.SessionTypes.AddRange(SessionTypeDefaults.Select((t, i) => new SessionType
                { Name = t.Name, Style = t.Style, DefaultLengthMinutes = t.Minutes, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.ProductionTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.ProductionTypes.AddRange(ProductionTypeNames.Select((name, i) => new ProductionType { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.TaskTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.TaskTypes.AddRange(TaskTypeNames.Select((name, i) => new TaskType { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
    }
}
