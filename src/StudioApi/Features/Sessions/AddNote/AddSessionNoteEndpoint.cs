using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Idempotency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Sessions.AddNote;

public sealed class AddSessionNoteRequest
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class AddSessionNoteValidator : Validator<AddSessionNoteRequest>
{
    public AddSessionNoteValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(4000);
}

public sealed class AddSessionNoteEndpoint(StudioDbContext db, RecordAuthor author) : Endpoint<AddSessionNoteRequest, SessionNoteResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/notes");
        // Anyone on the staff may leave a note (a photographer after the shoot, sales at the kiosk).
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "AddNote", "Add an entry to a session's notes log, stamped with its author and time")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(AddSessionNoteRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);

        // The log is append-only and separate from the session: adding to it does not change the session's version.
        var note = new SessionNote { SessionId = req.Id, Text = req.Text.Trim(), Author = author.Name, CreatedAt = db.UtcNow };
        db.SessionNotes.Add(note);
        await db.SaveChangesAsync(ct);

        await Send.CreatedAtAsync("Sessions_ListNotes", new { id = req.Id }, SessionNoteResponse.From(note), cancellation: ct);
    }
}
