using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Clients.Notes;

public sealed class ListRecordNotesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class ListRecordNotesValidator() : ListRequestValidator<ListRecordNotesRequest, RecordNote>(ListRecordNotesEndpoint.SortKeys);

/// <summary>GET /{records}/{id}/notes for one record kind: the record's notes log, newest first.</summary>
public abstract class ListRecordNotesEndpoint : Endpoint<ListRecordNotesRequest, Page<RecordNoteResponse>>
{
    internal static readonly SortKeys<RecordNote> SortKeys = new SortKeys<RecordNote>("-createdAt")
        .Add("createdAt", n => n.CreatedAt);

    protected abstract RecordKind Kind { get; }
    protected abstract string Tag { get; }
    /// <summary>Who may use it: every staff role, unless the kind's records are kept from some (invoices).</summary>
    protected virtual string[] Readers => Platform.Auth.Roles.AnyStaff;

    public override void Configure()
    {
        Get($"/{Resolve<WorkflowRecords>().Get(Kind).Route}/{{id}}/notes");
        Roles(Readers);
        Description(d => d.Operation(Tag, "ListNotes", $"List a {Kind.WireName()}'s notes log, newest first"));
    }

    public override async Task HandleAsync(ListRecordNotesRequest req, CancellationToken ct)
    {
        var db = Resolve<StudioDbContext>();
        var kind = Kind;
        await Resolve<WorkflowRecords>().Get(kind).EnsureExistsAsync(db, req.Id, ct);

        var notes = db.RecordNotes.AsNoTracking().Where(n => n.Kind == kind && n.RecordId == req.Id);
        await Send.OkAsync(await notes.ToPageAsync(req, SortKeys, RecordNoteResponse.From, ct), ct);
    }
}
