using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Paging;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Sessions.ListNotes;

public sealed class ListSessionNotesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class ListSessionNotesValidator() : ListRequestValidator<ListSessionNotesRequest, SessionNote>(ListSessionNotesEndpoint.SortKeys);

public sealed class ListSessionNotesEndpoint(StudioDbContext db) : Endpoint<ListSessionNotesRequest, Page<SessionNoteResponse>>
{
    /// <summary>A log reads newest first.</summary>
    internal static readonly SortKeys<SessionNote> SortKeys = new SortKeys<SessionNote>("-createdAt")
        .Add("createdAt", n => n.CreatedAt);

    public override void Configure()
    {
        Get("/sessions/{id}/notes");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "ListNotes", "List a session's notes log, newest first"));
    }

    public override async Task HandleAsync(ListSessionNotesRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);

        var notes = db.SessionNotes.AsNoTracking().Where(n => n.SessionId == req.Id);
        await Send.OkAsync(await notes.ToPageAsync(req, SortKeys, SessionNoteResponse.From, ct), ct);
    }
}
