using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Idempotency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Clients.AddNote;

public sealed class AddClientNoteRequest
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class AddClientNoteValidator : Validator<AddClientNoteRequest>
{
    public AddClientNoteValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(4000);
}

public sealed class AddClientNoteEndpoint(StudioDbContext db, RecordAuthor author) : Endpoint<AddClientNoteRequest, ClientNoteResponse>
{
    public override void Configure()
    {
        Post("/clients/{id}/notes");
        // Anyone on the staff may leave a note (a photographer after a session, sales at the kiosk).
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "AddNote", "Add an entry to a client's notes log, stamped with its author and time")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(AddClientNoteRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("client", req.Id);

        // The log is append-only and separate from the client: adding to it does not change the client's version.
        var note = new ClientNote { ClientId = req.Id, Text = req.Text.Trim(), Author = author.Name, CreatedAt = db.UtcNow };
        db.ClientNotes.Add(note);
        await db.SaveChangesAsync(ct);

        await Send.CreatedAtAsync("Clients_ListNotes", new { id = req.Id }, ClientNoteResponse.From(note), cancellation: ct);
    }
}
