using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Triggers;
using StudioApi.Platform.Persistence;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Triggers;

public sealed record FiringBody(long Id, string RecordKind, long RecordId, string Occurrence, DateTimeOffset DueAt, DateTimeOffset FiredAt, string Outcome, string Detail);

public sealed record FiringPage(List<FiringBody> Items, string? NextCursor);

public static class TriggerKit
{
    public const string Url = "/api/v1/triggers";

    public static async Task<JsonObject> NewTriggerAsync(this HttpClient caller, object body)
    {
        var response = await caller.PostAsJsonAsync(Url, body);
        return await response.ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
    }

    public static async Task<List<FiringBody>> HistoryAsync(this HttpClient caller, long triggerId) =>
        (await (await caller.GetAsync($"{Url}/{triggerId}/history?limit=200")).ShouldBeAsync<FiringPage>(HttpStatusCode.OK)).Items;

    /// <summary>One run of the date sweep, as Quartz runs it every minute, at the fake clock's now.</summary>
    public static async Task<int> SweepAsync(this MessagingApi api)
    {
        await using var scope = api.Base.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DateTriggerSweep>().RunAsync(CancellationToken.None);
    }

    public static Task SetTimeZoneAsync(this MessagingApi api, string zone) => api.Base.WithDbAsync(async db =>
    {
        var settings = await db.StudioSettings.OrderBy(s => s.Id).FirstAsync();
        settings.TimeZone = zone;
        await db.SaveChangesAsync();
    });

    public static async Task<long> StatusIdAsync(this HttpClient caller, string kind, string description)
    {
        var page = await (await caller.GetAsync($"/api/v1/workflow/statuses?kind={kind}&limit=200")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single(s => s!["description"]!.GetValue<string>() == description)!["id"]!.GetValue<long>();
    }

    /// <summary>Sets the fake clock (backwards too).</summary>
    public static void At(this MessagingApi api, string utc) =>
        api.Clock.AdjustTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));

    /// <summary>Turns every trigger off, so one test's triggers do not fire on the next one's records.</summary>
    public static Task QuietAsync(this MessagingApi api) => api.Base.WithDbAsync(db => db.Triggers.ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false)));
}
