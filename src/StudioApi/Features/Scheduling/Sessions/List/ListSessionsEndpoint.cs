using System.Linq.Expressions;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Search;
using StudioApi.Platform.Time;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Scheduling.Sessions.List;

public sealed class ListSessionsRequest : ListRequest
{
    /// <summary>Sessions on or after this day.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>Sessions on or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    public long? PhotographerId { get; set; }
    public long? ResourceId { get; set; }
    public long? ClientId { get; set; }
    public long? OrganizationId { get; set; }
    public long? SessionTypeId { get; set; }
    public bool? Confirmed { get; set; }
    public bool? Cancelled { get; set; }
    public bool? OnHold { get; set; }
    public bool? NoShow { get; set; }
    public bool? Redo { get; set; }
    /// <summary>Sessions at this status.</summary>
    public long? StatusId { get; set; }
    /// <summary>true: past their status due date and not at a final status; false: the rest.</summary>
    public bool? Overdue { get; set; }
    /// <summary>Sessions that belong to this promotion.</summary>
    public long? PromotionId { get; set; }
    /// <summary>Sessions with this user as photographer or assistant.</summary>
    public long? StaffUserId { get; set; }
    /// <summary>
    /// Search as typed at a front desk. Each word (up to 5) must match the start of a word of the session's description
    /// or file number, or of anything its client is found by (names, company, email, phone digits, student id: see
    /// the client list's q), in any letter case with accents ignored and punctuation skipped ("smith" finds the
    /// Smiths' sessions, "o'b" the O'Briens'); a word of digits alone is also the session number, exactly.
    /// </summary>
    public string? Q { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListSessionsValidator : ListRequestValidator<ListSessionsRequest, Session>
{
    public ListSessionsValidator() : base(ListSessionsEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(200);
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

public sealed class ListSessionsEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListSessionsRequest, Page<SessionResponse>>
{
    /// <summary>"date" orders by the start instant, which is the date and start time in the studio's time zone.</summary>
    internal static readonly SortKeys<Session> SortKeys = new SortKeys<Session>("date")
        .Add("date", s => s.StartsAt)
        .Add("number", s => s.Number)
        .Add("createdAt", s => s.CreatedAt);

    public override void Configure()
    {
        Get("/sessions");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "List", "List and search sessions",
            "By date range, status, people, resource, client, organization, type and flags."));
    }

    public override async Task HandleAsync(ListSessionsRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var query = db.Sessions.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(s => s.DeletedAt != null);
        // The start instant bounds the days too, so the date order's index serves a range of days.
        if (req.DateFrom is { } from)
        {
            var earliest = StudioClock.EarliestInstantOn(from);
            query = query.Where(s => s.Date >= from && s.StartsAt >= earliest);
        }
        if (req.DateTo is { } to)
        {
            var after = StudioClock.InstantAfter(to);
            query = query.Where(s => s.Date <= to && s.StartsAt < after);
        }
        if (req.PhotographerId is { } photographerId)
            query = query.Where(s => s.PhotographerId == photographerId);
        if (req.ResourceId is { } resourceId)
            query = query.Where(s => s.ResourceId == resourceId);
        if (req.ClientId is { } clientId)
            query = query.Where(s => s.ClientId == clientId);
        if (req.OrganizationId is { } organizationId)
            query = query.Where(s => s.OrganizationId == organizationId);
        if (req.SessionTypeId is { } sessionTypeId)
            query = query.Where(s => s.SessionTypeId == sessionTypeId);
        if (req.Confirmed is { } confirmed)
            query = query.Where(s => s.Confirmed == confirmed);
        if (req.Cancelled is { } cancelled)
            query = query.Where(s => s.Cancelled == cancelled);
        if (req.OnHold is { } onHold)
            query = query.Where(s => s.OnHold == onHold);
        if (req.NoShow is { } noShow)
            query = query.Where(s => s.NoShow == noShow);
        if (req.Redo is { } redo)
            query = query.Where(s => s.Redo == redo);
        if (req.StatusId is { } statusId)
            query = query.Where(s => s.StatusId == statusId);
        if (req.Overdue is { } overdue)
            query = await query.WhereOverdueAsync(overdue, db.Sessions, today, ct);
        if (req.PromotionId is { } promotionId)
            query = query.Where(s => s.Promotions.Any(p => p.PromotionId == promotionId));
        if (!string.IsNullOrWhiteSpace(req.Q))
            query = await SearchAsync(query, req.Q, ct);

        // The page's ids from the sort's index, then those sessions with their custom fields, participants and promotions.
        var records = db.Sessions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Status);
        Func<Session, SessionResponse> map = s => SessionResponse.From(s, today);
        if (req.StaffUserId is { } staffUserId)
        {
            // As photographer or as assistant: two index ranges in date order, merged, where one OR reads both whole and sorts.
            var (key, _) = SortKeys.Resolve(req.Sort);
            if (key.Type != typeof(string))
            {
                IQueryable<Session>[] parts =
                [
                    query.Where(s => s.PhotographerId == staffUserId),
                    query.Where(s => s.AssistantId == staffUserId && s.PhotographerId != staffUserId),
                ];
                await Send.OkAsync(await parts.ToMergedPageAsync(req, SortKeys, records, map, ct), ct);
                return;
            }
            query = query.Where(s => s.PhotographerId == staffUserId || s.AssistantId == staffUserId);
        }
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, records, map, ct), ct);
    }

    /// <summary>
    /// Every word of the query must match (see <see cref="ListSessionsRequest.Q"/>). The rarest word, unless even it is
    /// common ("smith", whose clients have thousands of sessions), is looked up in the term indexes and its sessions
    /// sorted; every other word is checked session by session, and when every word is common the list is read in its
    /// own order and each session checked, stopping after a page (see <see cref="SearchTermQueries.CommonMatches"/>).
    /// </summary>
    /// <remarks>
    /// A word is checked against the sessions' terms and their clients' terms, each only where it has matches (a name
    /// is rarely in a session's own terms, a description word rarely a client's). Where it has up to
    /// <see cref="SearchTermQueries.SetMatches"/>, its matching ids are gathered once and each session looked up in them
    /// (SQLite's IN list); with more, each session's terms are sought (EXISTS), as matches come often enough in the order.
    /// </remarks>
    async Task<IQueryable<Session>> SearchAsync(IQueryable<Session> query, string text, CancellationToken ct)
    {
        var prefixes = SearchText.QueryPrefixes(text);
        if (prefixes.Count == 0)
            return query.Where(s => false);
        var sessionTerms = db.Set<SessionSearchTerm>();
        var clientTerms = db.Set<ClientSearchTerm>();
        const int common = SearchTermQueries.CommonMatches;
        const int asSet = SearchTermQueries.SetMatches;
        var counts = new Dictionary<string, (int Sessions, int Clients)>();
        foreach (var prefix in prefixes)
            counts[prefix] = (await sessionTerms.CountUpToAsync(prefix, asSet, ct), await clientTerms.CountUpToAsync(prefix, asSet, ct));
        var driver = prefixes.MinBy(p => counts[p].Sessions + counts[p].Clients)!;
        foreach (var prefix in prefixes)
        {
            // A word of digits alone is also the session number (-1 matches none).
            var number = prefix.All(char.IsAsciiDigit) && int.TryParse(prefix, out var n) ? n : -1;
            var (sessionMatches, clientMatches) = counts[prefix];
            if (prefix == driver && sessionMatches + clientMatches <= common)
            {
                var clientIds = clientTerms.Matching(prefix);
                var ids = sessionTerms.Matching(prefix).Concat(db.Set<Session>().Where(s => clientIds.Contains(s.ClientId)).Select(s => s.Id));
                if (number >= 0)
                    ids = ids.Concat(db.Set<Session>().Where(s => s.Number == number).Select(s => s.Id));
                query = query.Where(s => ids.Contains(s.Id));
                continue;
            }

            // Checked from the date order's index and the term indexes alone: the number only when the word is one.
            var (from, to) = SearchText.PrefixRange(prefix);
            var checks = new List<Expression<Func<Session, bool>>>();
            if (number >= 0)
                checks.Add(s => s.Number == number);
            if (sessionMatches > asSet)
                checks.Add(s => db.Set<SessionSearchTerm>().Any(t => t.RecordId == s.Id && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0));
            else if (sessionMatches > 0)
            {
                var sessionIds = sessionTerms.Matching(prefix);
                // "+ 0": a lookup in the gathered ids, which SQLite would otherwise use to drive the query and sort.
                checks.Add(s => sessionIds.Contains(s.Id + 0));
            }
            if (clientMatches > asSet)
                checks.Add(s => db.Set<ClientSearchTerm>().Any(t => t.RecordId == s.ClientId && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0));
            else if (clientMatches > 0)
            {
                var clientIds = clientTerms.Matching(prefix);
                checks.Add(s => clientIds.Contains(s.ClientId + 0));
            }
            query = query.Where(SearchTermQueries.AnyOf(checks));
        }
        return query;
    }
}
