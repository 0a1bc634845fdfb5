using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FastEndpoints;
using FluentValidation;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Receivables.Aging;

public sealed class GetAgingReportRequest : ListRequest
{
    /// <summary>The day the balances are aged from; defaults to today in the studio's time zone.</summary>
    public DateOnly? AsOf { get; set; }
}

public sealed class GetAgingReportValidator : ListRequestValidator<GetAgingReportRequest, Receivables.AgingRow>
{
    public GetAgingReportValidator() : base(GetAgingReportEndpoint.SortKeys) =>
        RuleFor(r => r.AsOf).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
}

public sealed class ClientAgingResponse
{
    public required long ClientId { get; init; }
    [MaxLength(300)]
    public required string ClientName { get; init; }
    public required AgingBuckets Aging { get; init; }
}

public sealed class AgingReportResponse
{
    public required DateOnly AsOf { get; init; }
    /// <summary>Every client's balances due together.</summary>
    public required AgingBuckets Totals { get; init; }
    /// <summary>A page of the clients who owe, by client id; the next page with nextCursor (the last client's id).</summary>
    [MaxLength(ListRequest.MaxLimit)]
    public required IReadOnlyList<ClientAgingResponse> Clients { get; init; }
    [MaxLength(ListRequest.MaxCursorLength)]
    public required string? NextCursor { get; init; }
}

public sealed class GetAgingReportEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetAgingReportRequest, AgingReportResponse>
{
    internal static readonly SortKeys<Receivables.AgingRow> SortKeys = new SortKeys<Receivables.AgingRow>("clientId")
        .Add("clientId", r => r.Id);

    public override void Configure()
    {
        Get("/receivables/aging");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Receivables", "GetAging", "Get the accounts-receivable aging report",
            "What clients owe, by the age of their invoices as of a day (0–30, 31–60, 61–90 and over 90 days): the totals "
            + "and a page of the clients who owe. Only invoices with a balance due count."));
    }

    public override async Task HandleAsync(GetAgingReportRequest req, CancellationToken ct)
    {
        var asOf = req.AsOf ?? await calendar.TodayAsync(ct);
        var totals = await Receivables.TotalsAsync(db, asOf, ct);
        var after = 0L;
        if (!string.IsNullOrEmpty(req.Cursor) && !long.TryParse(req.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            throw ApiProblem.InvalidInput("cursor", "The cursor is not valid; use the nextCursor of the previous page.");
        var limit = Math.Clamp(req.Limit ?? ListRequest.DefaultLimit, 1, ListRequest.MaxLimit);
        var rows = await Receivables.ByClientAsync(db, asOf, after, limit + 1, null, ct);
        var page = new Page<Receivables.AgingRow>
        {
            Items = rows.Take(limit).ToList(),
            // The cursor is the last client's id: the next page is the clients after it.
            NextCursor = rows.Count > limit ? rows[limit - 1].Id.ToString(CultureInfo.InvariantCulture) : null,
        };
        var names = await InvoiceResponse.ClientNamesAsync(db, page.Items.Select(r => r.Id), ct);
        await Send.OkAsync(new AgingReportResponse
        {
            AsOf = asOf,
            Totals = AgingBuckets.From(totals),
            Clients = page.Items.Select(r => new ClientAgingResponse { ClientId = r.Id, ClientName = names.GetValueOrDefault(r.Id, ""), Aging = AgingBuckets.From(r) }).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }
}
