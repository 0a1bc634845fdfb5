using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Tasks;

public sealed record TaskBody(
    long Id,
    int Version,
    long TaskTypeId,
    string Title,
    string? Description,
    long? ClientId,
    long? SessionId,
    long? InvoiceId,
    long? AssignedUserId,
    DateOnly? DueDate,
    string Priority,
    string CreatedBy,
    string UpdatedBy,
    DateTimeOffset? DeletedAt,
    TaskStatusBody? Status = null);

public sealed record TaskStatusBody(long Id, string Description, DateOnly? StatusDate, DateOnly? DueDate, bool IsOverdue);

public sealed record TaskPage(List<TaskBody> Items, string? NextCursor);



public sealed record TaskTypeBody(long Id, int Version, string Name, int SortOrder, bool IsActive, DateTimeOffset? DeletedAt);

public sealed record TaskTypePage(List<TaskTypeBody> Items, string? NextCursor);

public static class TaskRequests
{
    public const string Url = "/api/v1/tasks";

    public static async Task<TaskBody> CreateTaskAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Url, body);
        return await response.ShouldBeAsync<TaskBody>(HttpStatusCode.Created);
    }

    /// <summary>The id of a seeded (or earlier created) task type, by its exact name.</summary>
    public static async Task<long> TaskTypeIdAsync(this HttpClient client, string name)
    {
        var page = await (await client.GetAsync($"/api/v1/task-types?q={Uri.EscapeDataString(name)}")).ShouldBeAsync<TaskTypePage>(HttpStatusCode.OK);
        return page.Items.Single(t => t.Name == name).Id;
    }

    public static async Task<TaskTypeBody> CreateTaskTypeAsync(this HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/task-types", new { name, sortOrder = 100 });
        return await response.ShouldBeAsync<TaskTypeBody>(HttpStatusCode.Created);
    }

    public static async Task<TaskPage> ListTasksAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Url}?{query}");
        return await response.ShouldBeAsync<TaskPage>(HttpStatusCode.OK);
    }
}
