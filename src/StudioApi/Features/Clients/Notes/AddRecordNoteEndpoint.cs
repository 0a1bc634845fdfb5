using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Clients.Notes;

public sealed class AddRecordNoteRequest
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class AddRecordNoteValidator : Validator<AddRecordNoteRequest>
{
    public AddRecordNoteValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(RecordNote.TextMaxLength);
}

/// <summary>
/// POST /{records}/{id}/notes for one record kind: each kind specialises it in a few lines (kind and tag), so every
/// kind has its own operation id while the behaviour is shared. Anyone on the staff may leave a note (a photographer
/// after the shoot, sales at the kiosk). The record kinds are those of <see cref="WorkflowRecords"/>.
/// </summary>
public abstract class AddRecordNoteEndpoint : Endpoint<AddRecordNoteRequest, RecordNoteResponse>
{
    protected abstract RecordKind Kind { get; }
    protected abstract string Tag { get; }
    /// <summary>Who may add notes: every staff role, unless the kind's records are kept from some (invoices).</summary>
    protected virtual string[] Authors => Platform.Auth.Roles.AnyStaff;

    public override void Configure()
    {
        Post($"/{Resolve<WorkflowRecords>().Get(Kind).Route}/{{id}}/notes");
        Roles(Authors);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<RecordNoteResponse>(StatusCodes.Status201Created)
            .Operation(Tag, "AddNote", $"Add an entry to a {Kind.WireName()}'s notes log", "Stamped with its author and time.")
                .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(AddRecordNoteRequest req, CancellationToken ct)
    {
        var db = Resolve<StudioDbContext>();
        var kind = Kind;
        await Resolve<WorkflowRecords>().Get(kind).EnsureExistsAsync(db, req.Id, ct);

        // The log is append-only and separate from the record: adding to it does not change the record's version.
        var note = new RecordNote { Kind = kind, RecordId = req.Id, Text = req.Text.Trim(), Author = Resolve<RecordAuthor>().Name, CreatedAt = db.UtcNow };
        db.RecordNotes.Add(note);
        await db.SaveChangesAsync(ct);

        await Send.CreatedAtAsync($"{Tag}_ListNotes", new { id = req.Id }, RecordNoteResponse.From(note), cancellation: ct);
    }
}
