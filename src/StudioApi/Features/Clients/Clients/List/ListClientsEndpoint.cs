using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Search;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Clients.List;

public sealed class ListClientsRequest : ListRequest
{
    /// <summary>
    /// Search as typed at a front desk. Each word (up to 5) must match the start of a word of the client's first or
    /// last name or company, of an email address (the whole address from its start, or a word before the @), or of
    /// the student id: in any letter case, accents ignored and punctuation skipped ("jose" finds José, "o'b" and "ob"
    /// find O'Brien, "mae.mailer@inb" finds mae.mailer@inbox.example). A query of digits and punctuation only
    /// ("(217) 555-0100", "555 0100", "0100") is one number: it matches any run of three or more digits of a phone
    /// number, wherever it falls in the number, and the start of a student id; and a word of digits alone is also the
    /// client number, exactly.
    /// </summary>
    public string? Q { get; set; }

    public ClientKind? Kind { get; set; }

    /// <summary>Only students of this organization.</summary>
    public long? OrganizationId { get; set; }

    /// <summary>Only students graduating in this year.</summary>
    public int? GraduationYear { get; set; }

    /// <summary>Only clients at this status.</summary>
    public long? StatusId { get; set; }

    /// <summary>true: only clients past their status due date and not at the final status; false: only the others.</summary>
    public bool? Overdue { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListClientsValidator : ListRequestValidator<ListClientsRequest, Client>
{
    public ListClientsValidator() : base(ListClientsEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(200);
        RuleFor(r => r.Kind).IsInEnum();
    }
}

public sealed class ListClientsEndpoint(StudioDbContext db, StudioCalendar calendar, IClientBalances balances, IClientCallFlags calls) : Endpoint<ListClientsRequest, Page<ClientResponse>>
{
    /// <summary>
    /// Stored sort keys (Client.IndexText), each with an index over live clients: lastName is the last name, or the
    /// company of a business without one, then the first name; firstName is the first name then the last. Names
    /// sort in any letter case with accents among their letters ("de la Cruz" among the D's, "Ávila" among the A's).
    /// </summary>
    internal static readonly SortKeys<Client> SortKeys = new SortKeys<Client>("lastName")
        .Add("lastName", c => c.NameSortKey)
        .Add("firstName", c => c.FirstNameSortKey)
        .Add("company", c => c.CompanySortKey)
        .Add("number", c => c.Number)
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt);

    public override void Configure()
    {
        Get("/clients");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "List", "List and search clients"));
    }

    public override async Task HandleAsync(ListClientsRequest req, CancellationToken ct)
    {
        var query = db.Clients.AsNoTracking();
        var today = await calendar.TodayAsync(ct);
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(c => c.DeletedAt != null);
        if (req.Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (req.OrganizationId is { } organizationId)
            query = query.Where(c => c.Student != null && c.Student.OrganizationId == organizationId);
        if (req.GraduationYear is { } year)
            query = query.Where(c => c.Student != null && c.Student.GraduationYear == year);
        if (req.StatusId is { } statusId)
            query = query.Where(c => c.StatusId == statusId);
        // A search with overdue=true and no other filter may read its matches in name order from the term index, each
        // batch then checked for being overdue (see SearchAsync); otherwise the filter is part of the query.
        var overdueOfSearch = req is { Overdue: true, Deleted: null, Kind: null, OrganizationId: null, GraduationYear: null, StatusId: null }
                              && !string.IsNullOrWhiteSpace(req.Q);
        if (req.Overdue is { } overdue && !overdueOfSearch)
            query = await query.WhereOverdueAsync(overdue, db.Clients, today, ct);
        var repeats = false;
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var sort = SortKeys.Resolve(req.Sort).Key;
            var onlySearched = req is { Deleted: null, Kind: null, OrganizationId: null, GraduationYear: null, StatusId: null } && (req.Overdue is null || overdueOfSearch);
            (query, repeats) = await SearchAsync(query, req.Q, sort.Type == typeof(string), onlySearched && sort.Name == SortKeys.Default, ct);
        }
        Func<long[], CancellationToken, Task<IReadOnlySet<long>>>? keep = null;
        if (overdueOfSearch && repeats)
            keep = async (ids, token) => (await db.Clients.Where(c => ids.Contains(c.Id)).WherePastDue(today).Select(c => c.Id).ToListAsync(token)).ToHashSet();
        else if (overdueOfSearch)
            query = await query.WhereOverdueAsync(true, db.Clients, today, ct);

        // The page's ids from the sort's index, then those clients with their phones, emails, addresses and family, what
        // each owes and whether a call to it is overdue, each in one query by those ids.
        IReadOnlyDictionary<long, Money> owed = new Dictionary<long, Money>();
        IReadOnlySet<long> overdueCalls = new HashSet<long>();
        async Task<List<Client>> LoadAsync(long[] ids, CancellationToken token)
        {
            var clients = await ClientPageRecords.LoadAsync(db, ids, token);
            owed = await balances.OutstandingAsync(ids, token);
            overdueCalls = await calls.WithOverdueCallsAsync(ids, today, token);
            return clients;
        }
        ClientResponse Map(Client c) => ClientResponse.From(c, today, owed.GetValueOrDefault(c.Id), overdueCalls.Contains(c.Id));
        await Send.OkAsync(repeats
            ? await query.ToPageOfDistinctAsync(req, SortKeys, LoadAsync, Map, ct, keep)
            : await query.ToPageAsync(req, SortKeys, LoadAsync, Map, ct), ct);
    }

    /// <summary>
    /// Every word of the query must match (see <see cref="ListClientsRequest.Q"/>). The rarest word, unless even it is
    /// common, is looked up in the term index and its clients sorted; every other word is checked client by client
    /// (EXISTS on the client's terms). When every word is common, the list is read in its own order and each client
    /// checked, stopping after a page (see <see cref="SearchTermQueries.CommonMatches"/>; the name sorts are text keys).
    /// </summary>
    /// <remarks>
    /// In the default (name) order with no other filter, a driving word that thousands of clients match is read from the
    /// term index alone: its live terms carry the client's name sort key (<see cref="ClientSearchTerm"/>), so the page
    /// is the first of them in that order, with no client looked up until the page's are loaded. A client appears once
    /// per term of its that matches (Repeats), which the page drops (KeysetPaging.ToPageOfDistinctAsync).
    /// </remarks>
    async Task<(IQueryable<Client> Query, bool Repeats)> SearchAsync(IQueryable<Client> query, string text, bool inNameOrder, bool inDefaultOrderOnly, CancellationToken ct)
    {
        var prefixes = SearchText.QueryPrefixes(text);
        if (prefixes.Count == 0)
            return (query.Where(c => false), false);
        var terms = db.Set<ClientSearchTerm>();
        var common = inNameOrder ? SearchTermQueries.CommonMatchesInNameOrder : SearchTermQueries.CommonMatches;
        var counts = new Dictionary<string, int>();
        foreach (var prefix in prefixes)
            counts[prefix] = await terms.CountUpToAsync(prefix, common, ct);
        var driver = prefixes.MinBy(p => counts[p])!;
        // Numbers are matched on the clients' own column, which the term rows do not carry.
        var fromTermOrder = inDefaultOrderOnly && counts[driver] is > SearchTermQueries.CommonMatches and var many && many <= common
                            && !prefixes.Any(p => p.All(char.IsAsciiDigit));
        if (fromTermOrder)
        {
            var (from, to) = SearchText.PrefixRange(driver);
            query = terms.Where(t => t.IsLive && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0)
                .Select(t => new Client { Id = t.RecordId!.Value, NameSortKey = t.NameSortKey });
        }
        foreach (var prefix in prefixes)
        {
            if (prefix == driver && fromTermOrder)
                continue; // the query is its matches
            // A word of digits alone is also the client number (-1 matches none).
            var number = prefix.All(char.IsAsciiDigit) && int.TryParse(prefix, out var n) ? n : -1;
            if (prefix == driver && counts[prefix] <= common)
            {
                var ids = terms.Matching(prefix);
                if (number >= 0)
                    ids = ids.Concat(db.Set<Client>().Where(c => c.Number == number).Select(c => c.Id));
                query = query.Where(c => ids.Contains(c.Id));
            }
            else
            {
                // Checked from the sort's index and the term index alone: the number only when the word is one.
                var (from, to) = SearchText.PrefixRange(prefix);
                query = number >= 0
                    ? query.Where(c => c.Number == number
                                       || db.Set<ClientSearchTerm>().Any(t => t.RecordId == c.Id && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0))
                    : query.Where(c => db.Set<ClientSearchTerm>().Any(t => t.RecordId == c.Id && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0));
            }
        }
        return (query, fromTermOrder);
    }
}
