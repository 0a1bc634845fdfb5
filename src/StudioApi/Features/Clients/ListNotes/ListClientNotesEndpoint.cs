using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Paging;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Clients.ListNotes;

public sealed class ListClientNotesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class ListClientNotesValidator() : ListRequestValidator<ListClientNotesRequest, ClientNote>(ListClientNotesEndpoint.SortKeys);

public sealed class ListClientNotesEndpoint(StudioDbContext db) : Endpoint<ListClientNotesRequest, Page<ClientNoteResponse>>
{
    /// <summary>A log reads newest first.</summary>
    internal static readonly SortKeys<ClientNote> SortKeys = new SortKeys<ClientNote>("-createdAt")
        .Add("createdAt", n => n.CreatedAt);

    public override void Configure()
    {
        Get("/clients/{id}/notes");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "ListNotes", "List a client's notes log, newest first"));
    }

    public override async Task HandleAsync(ListClientNotesRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("client", req.Id);

        var notes = db.ClientNotes.AsNoTracking().Where(n => n.ClientId == req.Id);
        await Send.OkAsync(await notes.ToPageAsync(req, SortKeys, ClientNoteResponse.From, ct), ct);
    }
}
