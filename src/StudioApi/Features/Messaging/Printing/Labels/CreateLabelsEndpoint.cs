using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Messaging.Printing.Labels;

public enum LabelKind
{
    /// <summary>The client's name and primary postal address, for an envelope.</summary>
    Mailing,
    /// <summary>The session's number, client, date and time, type: for an order envelope or a box.</summary>
    Session,
}

public sealed class CreateLabelsRequest
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>mailing (clientIds) or session (sessionIds).</summary>
    public LabelKind Kind { get; set; }
    /// <summary>avery5160 (the default: 30 on US Letter), avery5163 (10 on US Letter) or averyL7160 (21 on A4).</summary>
    public LabelStock Stock { get; set; }
    /// <summary>Mailing labels: the clients, 1–5,000, one label each, in this order.</summary>
    public List<long>? ClientIds { get; set; }
    /// <summary>Session labels: the sessions, 1–5,000, one label each, in this order.</summary>
    public List<long>? SessionIds { get; set; }
    /// <summary>The first label position to print on (1 = top left), for a part-used sheet.</summary>
    public int? StartAt { get; set; }
}

public sealed class CreateLabelsValidator : Validator<CreateLabelsRequest>
{
    public const int MaxLabels = 5000;

    public CreateLabelsValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Stock).IsInEnum();
        RuleFor(r => r.ClientIds).NotEmpty().When(r => r.Kind == LabelKind.Mailing).WithMessage("Give the clients to label.").MaxItems(MaxLabels);
        RuleFor(r => r.SessionIds).NotEmpty().When(r => r.Kind == LabelKind.Session).WithMessage("Give the sessions to label.").MaxItems(MaxLabels);
        RuleFor(r => r.ClientIds).Null().When(r => r.Kind == LabelKind.Session).WithMessage("Session labels take sessionIds.");
        RuleFor(r => r.SessionIds).Null().When(r => r.Kind == LabelKind.Mailing).WithMessage("Mailing labels take clientIds.");
        RuleForEach(r => r.ClientIds).GreaterThan(0);
        RuleForEach(r => r.SessionIds).GreaterThan(0);
        RuleFor(r => r.StartAt).InclusiveBetween(1, 30);
    }
}

public sealed class CreateLabelsEndpoint(StudioDbContext db, PrintQueue queue) : Endpoint<CreateLabelsRequest, PrintJobResponse>
{
    public override void Configure()
    {
        Post("/labels");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PrintJobs", "CreateLabels", "Print mailing or session labels",
            "One label per client (name and primary address) or session (number, client, date and time, type), on a "
            + "common label sheet, into the print queue as a PDF: answers the print job (201). A client without an "
            + "address gets a label with the name only.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateLabelsRequest req, CancellationToken ct)
    {
        var labels = new List<IReadOnlyList<string>>();
        if (req.Kind == LabelKind.Mailing)
        {
            var ids = req.ClientIds!;
            var clients = await LoadAllAsync(db.Clients, ids, "clientIds", "client", ct);
            foreach (var id in ids)
            {
                var client = clients[id];
                var address = client.Addresses.OrderByDescending(a => a.IsPrimary).FirstOrDefault()?.Address;
                labels.Add([ClientResponse.DisplayNameOf(client), .. (address is null ? [] : (MergeDataReader.Block(address) ?? "").Split('\n'))]);
            }
        }
        else
        {
            var ids = req.SessionIds!;
            var sessions = await LoadAllAsync(db.Sessions, ids, "sessionIds", "session", ct);
            var clientIds = sessions.Values.Select(s => s.ClientId).Distinct().ToList();
            var names = new Dictionary<long, string>();
            foreach (var part in clientIds.Chunk(500))
                foreach (var client in await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => part.Contains(c.Id)).ToListAsync(ct))
                    names[client.Id] = ClientResponse.DisplayNameOf(client);
            var types = await db.SessionTypes.IgnoreQueryFilters().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            foreach (var id in ids)
            {
                var s = sessions[id];
                labels.Add([$"Session {s.Number}", names.GetValueOrDefault(s.ClientId) ?? "",
                    $"{s.Date:yyyy-MM-dd} {WallClock.FormatTime(s.StartTime)}", s.SessionTypeId is { } t ? types.GetValueOrDefault(t) ?? "" : ""]);
            }
        }

        var title = $"{(req.Kind == LabelKind.Mailing ? "Mailing" : "Session")} labels ({labels.Count})";
        var (pdf, pages) = LabelRenderer.Render(title, req.Stock, labels, req.StartAt ?? 1);
        var job = await queue.AddAsync(PrintJobKind.Labels, title, pdf, pages, date: null, communicationId: null, ct);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(job);
        await Send.CreatedAtAsync("PrintJobs_Get", new { id = job.Id }, PrintJobResponse.From(job), cancellation: ct);
    }

    /// <summary>The live records of these ids, read 500 at a time; a 400 naming each id (by position) that has none.</summary>
    async Task<Dictionary<long, T>> LoadAllAsync<T>(IQueryable<T> records, List<long> ids, string field, string what, CancellationToken ct)
        where T : class, IHasId
    {
        var found = new Dictionary<long, T>();
        foreach (var part in ids.Distinct().Chunk(500))
            foreach (var record in await records.AsNoTracking().Where(KeysetPaging.ById<T>(part)).ToListAsync(ct))
                found[record.Id] = record;
        for (var i = 0; i < ids.Count; i++)
            if (!found.ContainsKey(ids[i]))
                AddError(new ValidationFailure($"{field}[{i}]", $"There is no {what} {ids[i]}."));
        ThrowIfAnyErrors();
        return found;
    }
}
