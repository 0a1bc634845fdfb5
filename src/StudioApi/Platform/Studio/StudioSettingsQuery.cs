using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Studio;

public static class StudioSettingsQuery
{
    /// <summary>The studio's settings: the one row seeded at first start (the oldest, should a second ever appear).</summary>
    public static async Task<StudioSettings> GetStudioSettingsAsync(this StudioDbContext db, bool forUpdate, CancellationToken ct)
    {
        var query = forUpdate ? db.StudioSettings : db.StudioSettings.AsNoTracking();
        return await query.OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
               ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                   "The studio settings do not exist yet: they are created when the API starts on its database.");
    }
}
