using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Studio;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed record SessionBody(
    long Id, int Version, int Number, string? FileNumber, long ClientId, long? SessionTypeId, string? Description,
    DateOnly Date, string StartTime, string EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    long? PhotographerId, long? AssistantId, long? ResourceId, long? LocationId, string BookedBy, DateTimeOffset BookedOn,
    bool Reminder, bool Confirmed, bool NoShow, bool Redo, bool OnHold, bool Cancelled,
    long? OrganizationId, string? StudentId, int? GraduationYear, string? YearbookStatus,
    string? SocialContacts, int? PartySize, string? Guests, string? Suppliers,
    List<CustomFieldBody> CustomFields, DateTimeOffset? DeletedAt);

public sealed record CustomFieldBody(string Label, string? Value);

public sealed record SessionPage(List<SessionBody> Items, string? NextCursor);



/// <summary>The people, room and client a scheduling test books, in a studio on Chicago time.</summary>
public sealed class Booking(StudioApiFactory app, HttpClient admin)
{
    public HttpClient Admin => admin;
    public long ClientId { get; private set; }

    public static async Task<Booking> InChicagoAsync(StudioApiFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.TimeZone = "America/Chicago";
            await db.SaveChangesAsync();
        });
        var booking = new Booking(app, await app.AdminAsync());
        booking.ClientId = await booking.NewClientAsync();
        return booking;
    }

    public async Task<long> NewClientAsync()
    {
        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Ada", lastName = $"Client{Guid.NewGuid():N}"[..20] });
        return (await response.ShouldBeAsync<ClientBody>(HttpStatusCode.Created)).Id;
    }

    public async Task<long> NewUserAsync(UserRole role = UserRole.Photographer) =>
        (await app.CreateUserAsync($"p-{Guid.NewGuid():N}"[..20], role)).Id;

    public async Task<long> NewRoomAsync()
    {
        var response = await admin.PostAsJsonAsync("/api/v1/resources", new { name = $"Room {Guid.NewGuid():N}"[..20], kind = "cameraRoom" });
        return (await response.ShouldBeAsync<IdBody>(HttpStatusCode.Created)).Id;
    }

    /// <summary>A request body for a session of this booking's client; add or replace fields as a test needs.</summary>
    public Dictionary<string, object?> Session(string date, string start, string end, long? photographerId = null) => new()
    {
        ["clientId"] = ClientId,
        ["date"] = date,
        ["startTime"] = start,
        ["endTime"] = end,
        ["photographerId"] = photographerId,
    };

    public Task<HttpResponseMessage> PostAsync(Dictionary<string, object?> body) => admin.PostAsJsonAsync("/api/v1/sessions", body);

    public async Task<SessionBody> CreateAsync(Dictionary<string, object?> body) =>
        await (await PostAsync(body)).ShouldBeAsync<SessionBody>(HttpStatusCode.Created);

    public Task<HttpResponseMessage> PutAsync(SessionBody current, Dictionary<string, object?> body) =>
        admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/sessions/{current.Id}", body).WithIfMatch($"\"{current.Version}\""));
}

public sealed record IdBody(long Id, int Version);
