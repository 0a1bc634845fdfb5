using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Schools;

public sealed record YearbookChoiceBody(long ImageId, int ImageNumber, string ChosenBy, DateTimeOffset ChosenAt);

public sealed record YearbookSelectionBody(long SessionId, long OrganizationId, YearbookChoiceBody? Main, YearbookChoiceBody? Secondary,
    string? YearbookStatus, DateOnly? SelectionDeadline);

public sealed record YearbookReportRowBody(long ClientId, string? FirstName, string? LastName, string? StudentId, string? Grade, string? Homeroom,
    string? Teacher, long? SessionId, bool HasImage, YearbookChoiceBody? Main, YearbookChoiceBody? Secondary, string? YearbookStatus);

public sealed record YearbookReportBody(long OrganizationId, DateOnly? SelectionDeadline, int Students, int WithImage, int WithoutImage,
    List<YearbookReportRowBody> Rows);

/// <summary>A school with students photographed on picture day, made through the API, and the yearbook calls.</summary>
public static class YearbookKit
{
    public sealed record Student(long ClientId, long SessionId, List<long> ImageIds);

    public static async Task<long> CreateSchoolAsync(HttpClient admin, string name, object? yearbook = null, object? spec = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { name, code = $"Y{Guid.NewGuid():N}"[..10], yearbook, yearbookImageSpec = spec });
        return (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    /// <summary>A student of the school, with a session of the school holding the given number of photos (none: no session).</summary>
    public static async Task<Student> CreateStudentAsync(StudioApiFactory app, HttpClient admin, long organizationId, string firstName, string lastName,
        int photos = 2, string grade = "11", string homeroom = "204", string teacher = "Mr. Ngữ", (string Name, byte[] Bytes)[]? files = null)
    {
        var studentId = $"{Random.Shared.Next(100000, 999999)}";
        var created = await admin.PostAsJsonAsync("/api/v1/clients",
            new { firstName, lastName, student = new { organizationId, studentId, grade, homeroom, teacher } });
        var clientId = (await created.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        if (photos == 0)
            return new Student(clientId, 0, []);
        var photographer = await app.CreateUserAsync($"ph-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(30, 3000)).ToString("yyyy-MM-dd");
        var session = await admin.PostAsJsonAsync("/api/v1/sessions",
            new { clientId, date = day, startTime = "09:00", endTime = "09:10", photographerId = photographer.Id, organizationId, studentId });
        var sessionId = (await session.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        files ??= Enumerable.Range(0, photos).Select(i => ProofingKit.Jpeg($"{lastName}-{i}.jpg", Random.Shared.Next(1, 1 << 24), 400, 500)).ToArray();
        var images = await admin.ImportedAsync(sessionId, files);
        return new Student(clientId, sessionId, images.Select(i => i.Id).ToList());
    }

    public static Task<HttpResponseMessage> SelectAsync(this HttpClient caller, long sessionId, long? mainImageId, long? secondaryImageId = null,
        string? chosenBy = null) =>
        caller.PostAsJsonAsync($"/api/v1/sessions/{sessionId}/yearbook-selections", new { mainImageId, secondaryImageId, chosenBy });

    public static async Task<YearbookSelectionBody> SelectionAsync(this HttpClient caller, long sessionId) =>
        await (await caller.GetAsync($"/api/v1/sessions/{sessionId}/yearbook")).ShouldBeAsync<YearbookSelectionBody>(HttpStatusCode.OK);

    public static async Task<YearbookReportBody> ReportAsync(this HttpClient caller, long organizationId, string query = "") =>
        await (await caller.GetAsync($"/api/v1/organizations/{organizationId}/yearbook-report{query}")).ShouldBeAsync<YearbookReportBody>(HttpStatusCode.OK);
}
