using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Problems;

public static class UniqueConflicts
{
    /// <summary>
    /// Saves, and answers a 409 with <paramref name="conflict"/> when the unique index on <paramref name="table"/>.<paramref name="column"/>
    /// refuses the write: the index decides, not a check-then-insert that two requests could both pass.
    /// </summary>
    public static async Task SaveOrConflictAsync(this StudioDbContext db, string table, string column, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(table, column))
        {
            throw ApiProblem.Conflict(conflict);
        }
    }
}
