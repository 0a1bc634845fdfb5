using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.OverdueInstalments;

public sealed class ListOverdueInstalmentsRequest : ListRequest
{
    /// <summary>Only this client's.</summary>
    public long? ClientId { get; set; }
}

public sealed class ListOverdueInstalmentsValidator() : ListRequestValidator<ListOverdueInstalmentsRequest, OverdueInstalmentRow>(ListOverdueInstalmentsEndpoint.SortKeys);

public sealed class OverdueInstalmentResponse
{
    public required long InstalmentId { get; init; }
    public required long InvoiceId { get; init; }
    public required int InvoiceNumber { get; init; }
    public required long ClientId { get; init; }
    [MaxLength(300)]
    public required string ClientName { get; init; }
    public required InstalmentKind Kind { get; init; }
    public required DateOnly DueDate { get; init; }
    public required Money Amount { get; init; }
    /// <summary>What of it is still open.</summary>
    public required Money Outstanding { get; init; }
    /// <summary>Days past its due date, in the studio's time zone.</summary>
    public required int DaysPastDue { get; init; }
}

/// <summary>An instalment and its invoice's paid and credited amounts, as the overdue list reads them.</summary>
public sealed class OverdueInstalmentRow : IHasId
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public int InvoiceNumber { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    public InstalmentKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public Money Amount { get; set; }
    public Money Cumulative { get; set; }
    public Money Covered { get; set; }
}

/// <summary>
/// The instalments past their due date and not covered by what the invoice has been paid and credited (in due order),
/// of receivable invoices that still owe: oldest due first, read from the instalments' due-date index.
/// </summary>
public sealed class ListOverdueInstalmentsEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListOverdueInstalmentsRequest, Page<OverdueInstalmentResponse>>
{
    internal static readonly SortKeys<OverdueInstalmentRow> SortKeys = new SortKeys<OverdueInstalmentRow>("dueDate")
        .Add("dueDate", r => r.DueDate);

    public override void Configure()
    {
        Get("/overdue-instalments");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "ListOverdueInstalments", "List overdue instalments",
            "Deposits and instalments of payment plans past their due date and not yet covered by payments and credits, oldest first."));
    }

    public override async Task HandleAsync(ListOverdueInstalmentsRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var invoices = db.Invoices.AsNoTracking().Visible(db, User).Where(i => i.BalanceDue);
        if (req.ClientId is { } clientId)
            invoices = invoices.Where(i => i.ClientId == clientId);
        // Covered once paid + credited reach the instalment's cumulative amount; a balance due means something is open.
        var rows = invoices.SelectMany(i => i.Instalments.Where(x => x.DueDate < today), (i, x) => new OverdueInstalmentRow
            {
                Id = x.Id, InvoiceId = i.Id, InvoiceNumber = i.Number, ClientId = i.ClientId, SessionId = i.SessionId, Kind = x.Kind, DueDate = x.DueDate,
                Amount = x.Amount, Cumulative = x.Cumulative, Covered = i.Covered,
            })
            .Where(r => r.Cumulative > r.Covered);
        var page = await rows.ToPageAsync(req, SortKeys, r => r, ct);
        var names = await InvoiceResponse.ClientNamesAsync(db, page.Items.Select(r => r.ClientId), ct);
        await Send.OkAsync(new Page<OverdueInstalmentResponse>
        {
            Items = page.Items.Select(r => new OverdueInstalmentResponse
            {
                InstalmentId = r.Id, InvoiceId = r.InvoiceId, InvoiceNumber = r.InvoiceNumber, ClientId = r.ClientId,
                ClientName = names.GetValueOrDefault(r.ClientId, ""), Kind = r.Kind, DueDate = r.DueDate, Amount = r.Amount,
                Outstanding = r.Amount - new InvoiceInstalment { Amount = r.Amount, Cumulative = r.Cumulative }.CoveredBy(r.Covered),
                DaysPastDue = today.DayNumber - r.DueDate.DayNumber,
            }).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }
}
