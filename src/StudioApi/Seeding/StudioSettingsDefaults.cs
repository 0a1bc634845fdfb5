using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Seeding;

/// <summary>
/// Every database has its studio settings row from the first start: the one record other features read the
/// time zone, currency and working days from. The demo studio brings its own; otherwise plain defaults to edit.
/// </summary>
public static class StudioSettingsDefaults
{
    public static async Task EnsureAsync(IServiceProvider services, Func<StudioSettings> create, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (await db.StudioSettings.IgnoreQueryFilters().AnyAsync(ct))
        {
            // A database from before online booking: give it a key without touching the record's version.
            await db.StudioSettings.IgnoreQueryFilters().Where(s => s.OnlineBookingKey == "")
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnlineBookingKey, StudioSettings.NewOnlineBookingKey()), ct);
            return;
        }
        var settings = create();
        settings.OnlineBookingKey = StudioSettings.NewOnlineBookingKey();
        db.StudioSettings.Add(settings);
        await db.SaveChangesAsync(ct);
    }

    public static StudioSettings Create() => new()
    {
        Name = "My Photography Studio",
        TimeZone = MachineTimeZone(),
        Currency = "USD",
        WorkingDays = [.. StudioSettings.MondayToFriday],
    };

    /// <summary>The machine's zone is the best first guess for a studio's own install; UTC when it has no IANA id.</summary>
    static string MachineTimeZone()
    {
        var local = TimeZoneInfo.Local;
        if (local.HasIanaId)
            return local.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(local.Id, out var iana) ? iana : "UTC";
    }
}
