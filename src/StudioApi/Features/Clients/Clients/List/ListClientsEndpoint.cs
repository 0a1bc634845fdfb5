using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Clients.List;

public sealed class ListClientsRequest : ListRequest
{
    /// <summary>
    /// Words each found in a first or last name, company, email, phone number or student id. Text without letters
    /// is a number: matched against phone digits (punctuation ignored), the client number and student ids.
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
    /// <summary>lastName falls back to the company, so a business without a contact name sorts among the people.</summary>
    internal static readonly SortKeys<Client> SortKeys = new SortKeys<Client>("lastName")
        .Add("lastName", c => c.LastName ?? c.Company ?? "")
        .Add("firstName", c => c.FirstName ?? "")
        .Add("company", c => c.Company ?? "")
        .Add("number", c => c.Number)
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt);

    const int MaxSearchWords = 5;

    public override void Configure()
    {
        Get("/clients");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Clients", "List", "List and search clients"));
    }

    public override async Task HandleAsync(ListClientsRequest req, CancellationToken ct)
    {
        // One query per owned list rather than one joining all four, whose rows would multiply.
        var query = db.Clients.AsNoTracking().AsSplitQuery().Include(c => c.Status).AsQueryable();
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
        if (req.Overdue is { } overdue)
            query = overdue
                ? query.Where(c => c.StatusDueDate < today && !c.Status!.IsFinal)
                : query.Where(c => c.StatusDueDate == null || c.StatusDueDate >= today || c.Status!.IsFinal);
        if (!string.IsNullOrWhiteSpace(req.Q))
            query = Search(query, req.Q.Trim());

        var page = await query.ToPageAsync(req, SortKeys, c => c, ct);
        var ids = page.Items.Select(c => c.Id).ToList();
        var owed = await balances.OutstandingAsync(ids, ct);
        // The page's overdue calls in one indexed query, not one per client.
        var overdueCalls = await calls.WithOverdueCallsAsync(ids, today, ct);
        await Send.OkAsync(new Page<ClientResponse>
        {
            Items = page.Items.Select(c => ClientResponse.From(c, today, owed.GetValueOrDefault(c.Id), overdueCalls.Contains(c.Id))).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }

    static IQueryable<Client> Search(IQueryable<Client> query, string text)
    {
        var digits = ClientPhone.DigitsOf(text);
        if (digits.Length > 0 && !text.Any(char.IsLetter))
        {
            // "(217) 555-0100", "555 0100" and "2175550100" all find the same phone.
            var digitsPattern = Like.Contains(digits);
            var pattern = Like.Contains(text);
            var number = int.TryParse(digits, out var n) ? n : -1;
            return query.Where(c => c.Number == number
                                    || c.Phones.Any(p => EF.Functions.Like(p.Digits, digitsPattern, Like.Escape))
                                    || (c.Student != null && (EF.Functions.Like(c.Student.StudentId!, pattern, Like.Escape)
                                                              || EF.Functions.Like(c.Student.StudentId!, digitsPattern, Like.Escape))));
        }

        // Every word must match somewhere, so "jane smith" finds Jane Smith but not every Jane.
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxSearchWords))
        {
            var pattern = Like.Contains(word);
            query = query.Where(c => EF.Functions.Like(c.FirstName!, pattern, Like.Escape)
                                     || EF.Functions.Like(c.LastName!, pattern, Like.Escape)
                                     || EF.Functions.Like(c.Company!, pattern, Like.Escape)
                                     || c.Emails.Any(e => EF.Functions.Like(e.Address, pattern, Like.Escape))
                                     || c.Phones.Any(p => EF.Functions.Like(p.Number, pattern, Like.Escape))
                                     || (c.Student != null && EF.Functions.Like(c.Student.StudentId!, pattern, Like.Escape)));
        }
        return query;
    }
}
