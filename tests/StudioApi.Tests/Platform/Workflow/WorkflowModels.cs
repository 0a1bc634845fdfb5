using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Workflow;

public sealed record StatusBody(
    long Id, int Version, string Kind, long? TypeId, string Description, int Order, int DurationBusinessDays, string? Stage,
    bool IsInitial, bool IsFinal, bool IsInactive, bool ChangeOnSessionDate, string? LabEvent = null);

public sealed record StatusListBody(string Kind, long? TypeId, List<StatusBody> Items);

public sealed record StatusChangeBody(
    long Id, string Kind, long RecordId, long? TypeId, long? FromStatusId, string? FromDescription, long ToStatusId, string ToDescription,
    string? Note, string ChangedBy, DateTimeOffset ChangedAt, DateOnly StatusDate, DateOnly DueDate);

public sealed record StatusChangePage(List<StatusChangeBody> Items, string? NextCursor);

public sealed record BulkResultBody(long Id, string Outcome, string? Reason, long? FromStatusId, long? ToStatusId, DateOnly? DueDate);

public sealed record BulkBody(int Changed, int Skipped, List<BulkResultBody> Results);

public sealed record WorkflowRecordBody(string Kind, long RecordId, long? StatusId, string? StatusDescription, DateOnly? StatusDate, DateOnly? DueDate, int DaysOverdue);

public sealed record WorkflowRecordPage(List<WorkflowRecordBody> Items, string? NextCursor);

public sealed record KindBody(string Kind, bool SupportsStatusesByType, bool StatusesByType, bool SupportsStages);

public sealed record KindListBody(List<KindBody> Items);

public sealed record StageCountBody(string Kind, int Count);

public sealed record StageBody(string Stage, int Total, List<StageCountBody> Counts);

public sealed record StageListBody(List<StageBody> Items);

public sealed record ByTypeBody(string Kind, bool StatusesByType, List<long> CopiedToTypeIds, int MovedRecords);

/// <summary>The calls the workflow tests make, named for what they do.</summary>
public static class WorkflowCalls
{
    public static async Task<StatusBody> CreateStatusAsync(this HttpClient admin, string kind, string description, int days = 0,
        long? typeId = null, bool initial = false, bool final = false, bool inactive = false, string? stage = null, int? order = null, string? labEvent = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/workflow/statuses", new
        {
            kind, typeId, description, durationBusinessDays = days, isInitial = initial, isFinal = final, isInactive = inactive, stage, order, labEvent,
        });
        return await response.ShouldBeAsync<StatusBody>(HttpStatusCode.Created);
    }

    public static async Task<List<StatusBody>> StatusesAsync(this HttpClient caller, string kind, long? typeId = null, bool includeInactive = true)
    {
        var url = $"/api/v1/workflow/statuses?kind={kind}&includeInactive={includeInactive.ToString().ToLowerInvariant()}"
                  + (typeId is { } t ? $"&typeId={t}" : "");
        return (await (await caller.GetAsync(url)).ShouldBeAsync<StatusListBody>(HttpStatusCode.OK)).Items;
    }

    public static async Task SetStudioCalendarAsync(this HttpClient admin, string timeZone, string[] workingDays, params string[] closedDates)
    {
        var current = await admin.GetAsync("/api/v1/settings");
        current.StatusCode.ShouldBe(HttpStatusCode.OK, await current.Content.ReadAsStringAsync() + current.Headers.WwwAuthenticate);
        var etag = current.Headers.ETag!.Tag;
        var request = HttpAssertions.Json(HttpMethod.Put, "/api/v1/settings", new
        {
            name = "Workflow Test Studio",
            timeZone,
            currency = "USD",
            workingDays,
            closedDates = closedDates.Select(d => new { date = d, description = "Closed" }).ToArray(),
        }).WithIfMatch(etag);
        (await admin.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<long> CreateClientAsync(this HttpClient caller, string lastName)
    {
        var response = await caller.PostAsJsonAsync("/api/v1/clients", new { kind = "consumer", firstName = "Test", lastName });
        var body = await response.ShouldBeAsync<Features.Clients.Clients.ClientBody>(HttpStatusCode.Created);
        return body.Id;
    }

    public static async Task<HttpResponseMessage> ChangeClientStatusAsync(this HttpClient caller, long clientId, long? statusId = null, bool? advance = null, string? note = null) =>
        await caller.PostAsJsonAsync($"/api/v1/clients/{clientId}/status-changes", new { statusId, advance, note });
}
