using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Communications.List;

public sealed class ListCommunicationsRequest : ListRequest
{
    /// <summary>The client's Communications tab.</summary>
    public long? ClientId { get; set; }
    /// <summary>The session's Communications tab.</summary>
    public long? SessionId { get; set; }
    public long? InvoiceId { get; set; }
    public long? TaskId { get; set; }
    /// <summary>The messages a wizard send made.</summary>
    public long? BatchId { get; set; }
    public CommunicationKind? Kind { get; set; }
    public CommunicationDirection? Direction { get; set; }
    /// <summary>Messages in this delivery state (failed, uncertain, skipped… to see what did not go out).</summary>
    public DeliveryState? State { get; set; }
    public long? AssignedUserId { get; set; }
    public long? CallTypeId { get; set; }
    /// <summary>true: only calls not completed yet (the calls to make).</summary>
    public bool? Open { get; set; }
    /// <summary>true: only calls past their due date and not completed.</summary>
    public bool? Overdue { get; set; }
    public long? StatusId { get; set; }
    /// <summary>Words starting the words of the subject, or the e-mail address or any part of the phone number it went to; every word must match (accents and case folded).</summary>
    public string? Q { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListCommunicationsValidator : ListRequestValidator<ListCommunicationsRequest, Communication>
{
    public ListCommunicationsValidator() : base(ListCommunicationsEndpoint.SortKeys)
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Direction).IsInEnum();
        RuleFor(r => r.State).IsInEnum();
        RuleFor(r => r.Q).MaximumLength(200);
    }
}

public sealed class ListCommunicationsEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListCommunicationsRequest, Page<CommunicationResponse>>
{
    /// <summary>Newest first by default (a tab reads like a history); dueDate for a list of calls to make, undated last.</summary>
    internal static readonly SortKeys<Communication> SortKeys = new SortKeys<Communication>("-createdAt")
        .Add("createdAt", c => c.CreatedAt)
        .Add("dueDate", c => c.DueSortKey)
        .Add("sentAt", c => c.SentSortKey);

    public override void Configure()
    {
        Get("/communications");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Communications", "List", "List communications",
            "A client's or session's Communications tab (clientId, sessionId), the calls to make (kind=call&open=true, "
            + "sort=dueDate), overdue calls, or what did not go out (state=failed, uncertain, skipped)."));
    }

    public override async Task HandleAsync(ListCommunicationsRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var query = db.Communications.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(c => c.DeletedAt != null);
        if (req.ClientId is { } clientId)
            query = query.Where(c => c.ClientId == clientId);
        if (req.SessionId is { } sessionId)
            query = query.Where(c => c.SessionId == sessionId);
        if (req.InvoiceId is { } invoiceId)
            query = query.Where(c => c.InvoiceId == invoiceId);
        if (req.TaskId is { } taskId)
            query = query.Where(c => c.TaskId == taskId);
        if (req.BatchId is { } batchId)
            query = query.Where(c => c.BatchId == batchId);
        if (req.Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (req.Direction is { } direction)
            query = query.Where(c => c.Direction == direction);
        if (req.State is { } state)
            query = query.Where(c => c.State == state);
        if (req.AssignedUserId is { } userId)
            query = query.Where(c => c.AssignedUserId == userId);
        if (req.CallTypeId is { } callTypeId)
            query = query.Where(c => c.CallTypeId == callTypeId);
        if (req.StatusId is { } statusId)
            query = query.Where(c => c.StatusId == statusId);
        if (req.Open is { } open)
            query = open
                ? query.Where(c => c.Kind == CommunicationKind.Call && c.CompletedAt == null)
                : query.Where(c => c.Kind != CommunicationKind.Call || c.CompletedAt != null);
        if (req.Overdue is { } overdue)
            query = overdue
                ? query.Where(c => c.DueDate < today && c.CompletedAt == null)
                : query.Where(c => c.DueDate == null || c.DueDate >= today || c.CompletedAt != null);
        if (!string.IsNullOrWhiteSpace(req.Q))
            query = await SearchAsync(query, req.Q, ct);
        // The page's ids from an index first, then those records with their status and attachments.
        var records = db.Communications.IgnoreQueryFilters().AsNoTracking().Include(c => c.Status);
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, c => CommunicationResponse.From(c, today), ct), ct);
    }

    /// <summary>
    /// Each word of the query must start a term of the communication (see <see cref="Communication.IndexText"/>). The
    /// rarest word is looked up in the term index and its records filtered and sorted; when even it is common, the
    /// list is read in its own order and each record checked, stopping after a page (see <see cref="SearchTermQueries.CommonMatches"/>).
    /// </summary>
    async Task<IQueryable<Communication>> SearchAsync(IQueryable<Communication> query, string text, CancellationToken ct)
    {
        var prefixes = SearchText.QueryPrefixes(text);
        if (prefixes.Count == 0)
            return query.Where(c => false);
        var terms = db.Set<CommunicationSearchTerm>();
        var counts = new Dictionary<string, int>();
        foreach (var prefix in prefixes)
            counts[prefix] = await terms.CountUpToAsync(prefix, SearchTermQueries.CommonMatches, ct);
        var driver = prefixes.MinBy(p => counts[p])!;
        foreach (var prefix in prefixes)
        {
            if (prefix == driver && counts[prefix] <= SearchTermQueries.CommonMatches)
            {
                var ids = terms.Matching(prefix);
                query = query.Where(c => ids.Contains(c.Id));
            }
            else
            {
                var (from, to) = SearchText.PrefixRange(prefix);
                query = query.Where(c => db.Set<CommunicationSearchTerm>().Any(t => t.RecordId == c.Id && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0));
            }
        }
        return query;
    }
}
