using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;

namespace StudioApi.Features.Sales.Invoices.List;

public sealed class ListInvoicesRequest : ListRequest
{
    public long? ClientId { get; set; }
    public long? SessionId { get; set; }
    public InvoiceType? Type { get; set; }
    /// <summary>Invoices at this status.</summary>
    public long? StatusId { get; set; }
    /// <summary>Invoices dated on or after this day. With a date range and no sort, the list is newest date first.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>Invoices dated on or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    /// <summary>true: only invoices the client owes on (a balance above 0); false: only the others.</summary>
    public bool? BalanceDue { get; set; }
    /// <summary>true: only void invoices; false: only the others.</summary>
    public bool? Voided { get; set; }
    /// <summary>An invoice number, or the client as the clients list's q finds them: each word the start of a word of the client's name, company, e-mail address or student id, in any case, accents ignored.</summary>
    public string? Q { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListInvoicesValidator : ListRequestValidator<ListInvoicesRequest, InvoiceRow>
{
    public ListInvoicesValidator() : base(ListInvoicesEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(200);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

/// <summary>
/// The invoices hub's list: summaries (number, client, date, type, total, paid, balance), read from the invoices table
/// alone, each sort from an index of its own that also serves the live-rows filter, so a page costs the same at the end
/// of a long list as at its start.
/// </summary>
public sealed class ListInvoicesEndpoint(StudioDbContext db) : Endpoint<ListInvoicesRequest, Page<InvoiceSummaryResponse>>
{
    internal static readonly SortKeys<InvoiceRow> SortKeys = new SortKeys<InvoiceRow>("-number")
        .Add("number", r => r.Number)
        .Add("date", r => r.Date)
        .Add("total", r => r.Total)
        .Add("balance", r => r.Balance);

    public override void Configure()
    {
        Get("/invoices");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "List", "List and search invoices",
            "By client, session, type, status, date range, balance due and void; q finds an invoice number or a client's name. "
            + "Newest number first by default. The kiosk (sales) sees the invoices of the sessions it can see."));
    }

    public override async Task HandleAsync(ListInvoicesRequest req, CancellationToken ct)
    {
        var invoices = db.Invoices.AsNoTracking();
        if (req.Deleted == true)
        {
            if (!InvoiceAccess.SeesAll(User))
                throw ApiProblem.Forbidden("Only the front desk sees the recycle bin.");
            invoices = invoices.IgnoreQueryFilters().Where(i => i.DeletedAt != null);
        }
        invoices = invoices.Visible(db, User);
        if (req.ClientId is { } clientId)
            invoices = invoices.Where(i => i.ClientId == clientId);
        if (req.SessionId is { } sessionId)
            invoices = invoices.Where(i => i.SessionId == sessionId);
        if (req.Type is { } type)
            invoices = invoices.Where(i => i.Type == type);
        if (req.StatusId is { } statusId)
            invoices = invoices.Where(i => i.StatusId == statusId);
        if (req.DateFrom is { } from)
            invoices = invoices.Where(i => i.Date >= from);
        if (req.DateTo is { } to)
            invoices = invoices.Where(i => i.Date <= to);
        if (req.BalanceDue is { } due)
            invoices = invoices.Where(i => i.BalanceDue == due);
        if (req.Voided is { } voided)
            invoices = voided ? invoices.Where(i => i.VoidedAt != null) : invoices.Where(i => i.VoidedAt == null);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var text = req.Q.Trim();
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                invoices = invoices.Where(i => i.Number == number);
            else
            {
                // The clients found as the clients list finds them (each word the start of a word of the name, company,
                // e-mail or student id; accents and case ignored), from the search term index, then their invoices.
                var prefixes = SearchText.QueryPrefixes(text);
                if (prefixes.Count == 0)
                    invoices = invoices.Where(i => false);
                foreach (var prefix in prefixes)
                {
                    var clients = db.Set<ClientSearchTerm>().Matching(prefix);
                    invoices = invoices.Where(i => clients.Contains(i.ClientId));
                }
            }
        }

        // A date range reads in date order unless a sort is asked for: the range is then read from its index, not the
        // whole range sorted by number.
        if (req.Sort is null && (req.DateFrom is not null || req.DateTo is not null))
            req.Sort = "-date";
        var page = await invoices.Select(InvoiceRow.Of).ToPageAsync(req, SortKeys, r => r, ct);
        await Send.OkAsync(await InvoiceRow.SummariesAsync(db, page, ct), ct);
    }
}
