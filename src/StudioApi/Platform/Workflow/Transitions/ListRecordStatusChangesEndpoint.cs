using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.Transitions;

public sealed class ListRecordStatusChangesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class ListRecordStatusChangesValidator()
    : ListRequestValidator<ListRecordStatusChangesRequest, StatusLogEntry>(ListRecordStatusChangesEndpoint.SortKeys);

/// <summary>GET /{records}/{id}/status-changes for one record kind: the record's status log, newest first.</summary>
public abstract class ListRecordStatusChangesEndpoint : Endpoint<ListRecordStatusChangesRequest, Page<StatusChangeResponse>>
{
    internal static readonly SortKeys<StatusLogEntry> SortKeys = new SortKeys<StatusLogEntry>("-changedAt")
        .Add("changedAt", e => e.ChangedAt);

    protected abstract RecordKind Kind { get; }
    protected abstract string Tag { get; }
    /// <summary>Who may use it: every staff role, unless the kind's records are kept from some (invoices).</summary>
    protected virtual string[] Readers => Platform.Auth.Roles.AnyStaff;

    public override void Configure()
    {
        var route = Resolve<WorkflowRecords>().Get(Kind).Route;
        Get($"/{route}/{{id}}/status-changes");
        Roles(Readers);
        Description(d => d.Operation(Tag, "ListStatusChanges", $"List a {Kind.WireName()}'s status log, newest first"));
    }

    public override async Task HandleAsync(ListRecordStatusChangesRequest req, CancellationToken ct)
    {
        var db = Resolve<StudioDbContext>();
        var kind = Kind;
        await Resolve<WorkflowRecords>().Get(kind).EnsureExistsAsync(db, req.Id, ct);

        var log = db.StatusLogEntries.AsNoTracking().Where(e => e.Kind == kind && e.RecordId == req.Id);
        await Send.OkAsync(await log.ToPageAsync(req, SortKeys, StatusChangeResponse.From, ct), ct);
    }
}
