using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images;

/// <summary>Answers Clients: a client's picture must be an image of one of the client's own sessions.</summary>
public sealed class ClientPictures(StudioDbContext db) : IClientPictures
{
    public Task<bool> IsImageOfClientAsync(long imageId, long clientId, CancellationToken ct) =>
        db.SessionImages.AnyAsync(i => i.Id == imageId && db.Set<Session>().Any(s => s.Id == i.SessionId && s.ClientId == clientId), ct);
}
