using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging;

public sealed record TemplateBody(long Id, int Version, string Name, string Kind, string RecordType, string? Subject, string Body,
    string? Description, bool IsActive, DateTimeOffset? DeletedAt);

public sealed record TemplatePage(List<TemplateBody> Items, string? NextCursor);

public sealed record TemplatePreviewBody(long TemplateId, string RecordType, long? RecordId, string Subject, string Body, string Format);

public sealed record MergeFieldBody(string Path, string Type, string Description);

public sealed record MergeFieldList(List<MergeFieldBody> Items);

/// <summary>Requests the messaging tests share: clients, sessions and templates made through the API.</summary>
public static class MessagingKit
{
    public const string Templates = "/api/v1/templates";

    public static async Task<long> NewClientAsync(this HttpClient caller, object body)
    {
        var response = await caller.PostAsJsonAsync("/api/v1/clients", body);
        return (await response.ShouldBeAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    public static Task<long> NewClientAsync(this HttpClient caller, string firstName, string lastName, string? email = null, string? phone = null) =>
        caller.NewClientAsync(new
        {
            firstName, lastName,
            emails = email is null ? null : new[] { new { address = email, isPrimary = true } },
            phones = phone is null ? null : new[] { new { number = phone, smsCapable = true, isPrimary = true } },
        });

    public static async Task<long> NewSessionAsync(this HttpClient caller, long clientId, string date, string startTime = "14:30", string endTime = "15:30", object? extra = null)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra ?? new { }))!.AsObject();
        body["clientId"] = clientId;
        body["date"] = date;
        body["startTime"] = startTime;
        body["endTime"] = endTime;
        var response = await caller.PostAsJsonAsync("/api/v1/sessions", body);
        return (await response.ShouldBeAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    public static async Task<TemplateBody> NewTemplateAsync(this HttpClient caller, string name, string body, string recordType = "session",
        string kind = "formLetter", string? subject = null)
    {
        var response = await caller.PostAsJsonAsync(Templates, new { name, kind, recordType, subject, body });
        return await response.ShouldBeAsync<TemplateBody>(HttpStatusCode.Created);
    }

    public static async Task<TemplatePreviewBody> PreviewAsync(this HttpClient caller, long templateId, long? recordId)
    {
        var response = await caller.PostAsJsonAsync($"{Templates}/{templateId}/preview", new { recordId });
        return await response.ShouldBeAsync<TemplatePreviewBody>(HttpStatusCode.OK);
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
}

public sealed record CommunicationStatusBody(long Id, string Description, bool IsOverdue);

public sealed record CommunicationBody(long Id, int Version, string Kind, string Direction, long ClientId, long? SessionId, long? TaskId,
    long? TemplateId, string? Subject, string? Body, string BodyFormat, string? Address, long? CallTypeId, DateOnly? DueDate,
    DateTimeOffset? CompletedAt, long? AssignedUserId, bool IsOverdue, string? State, DateTimeOffset? QueuedAt, DateTimeOffset? SentAt,
    string? SkipReason, string? Error, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, string? MessageId, string? ProviderId,
    CommunicationStatusBody? Status, DateTimeOffset? DeletedAt, DateTimeOffset? DeliveredAt = null, DateTimeOffset? BouncedAt = null, string? BounceCode = null);

public sealed record CommunicationPage(List<CommunicationBody> Items, string? NextCursor);

public static class CommunicationRequests
{
    public const string Url = "/api/v1/communications";

    public static async Task<CommunicationBody> NewCommunicationAsync(this HttpClient caller, object body)
    {
        var response = await caller.PostAsJsonAsync(Url, body);
        return await response.ShouldBeAsync<CommunicationBody>(HttpStatusCode.Created);
    }

    public static async Task<CommunicationBody> CommunicationAsync(this HttpClient caller, long id) =>
        await (await caller.GetAsync($"{Url}/{id}")).ShouldBeAsync<CommunicationBody>(HttpStatusCode.OK);

    public static async Task<CommunicationPage> CommunicationsAsync(this HttpClient caller, string query) =>
        await (await caller.GetAsync($"{Url}?{query}")).ShouldBeAsync<CommunicationPage>(HttpStatusCode.OK);

    public static async Task<long> CallTypeIdAsync(this HttpClient caller, string name)
    {
        var page = await (await caller.GetAsync($"/api/v1/call-types?q={Uri.EscapeDataString(name)}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<long>();
    }
}
