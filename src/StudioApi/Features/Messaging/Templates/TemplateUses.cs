using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates;

/// <summary>What uses a template, so one in use is not deleted: the live triggers whose actions send it.</summary>
public sealed class TemplateUses(StudioDbContext db)
{
    public async Task<IReadOnlyList<long>> TriggersSendingAsync(long templateId, CancellationToken ct) =>
        await db.Triggers.Where(t => t.Actions.Any(a => a.TemplateId == templateId)).Select(t => t.Id).OrderBy(id => id).ToListAsync(ct);
}
