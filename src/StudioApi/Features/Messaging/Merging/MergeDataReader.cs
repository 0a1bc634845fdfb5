using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Messaging.Links;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.Invoices.Document;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Messaging.Merging;

/// <summary>
/// Reads what a template merges for one record: the studio, the client, the session and organization, and the signed
/// links, into a <see cref="MergeModel"/>. Recycle-bin records are read too (a message queued before a delete still
/// renders), and what is missing (no organization, no photographer) is simply left empty.
/// </summary>
public sealed class MergeDataReader(StudioDbContext db, MessagingLinks links)
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    StudioSettings? studio;
    MessagingSettings? messaging;

    /// <summary>The model for a record of <paramref name="type"/>, or null when there is no such record.</summary>
    public Task<MergeModel?> ForAsync(MergeRecordType type, long recordId, CancellationToken ct) => type switch
    {
        MergeRecordType.Session => ForSessionAsync(recordId, ct),
        MergeRecordType.Invoice => ForInvoiceAsync(recordId, ct),
        _ => ForClientAsync(recordId, ct),
    };

    public async Task<MergeModel?> ForClientAsync(long clientId, CancellationToken ct)
    {
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
            return null;
        var model = await BaseAsync(ct);
        model.Client = await ClientFieldsAsync(client, ct);
        if (client.Student?.OrganizationId is { } organizationId)
            model.Organization = await OrganizationFieldsAsync(organizationId, ct);
        model.Links.Unsubscribe = links.Unsubscribe(messaging!.PublicBaseUrl, client.Id);
        return model;
    }

    public async Task<MergeModel?> ForSessionAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Status).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
            return null;
        var model = await ForClientAsync(session.ClientId, ct);
        if (model is null)
            return null;
        var people = new[] { session.PhotographerId, session.AssistantId }.OfType<long>().ToList();
        var names = people.Count == 0 ? [] : await db.Users.IgnoreQueryFilters().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var type = session.SessionTypeId is { } typeId ? await db.SessionTypes.IgnoreQueryFilters().Where(t => t.Id == typeId).Select(t => t.Name).SingleOrDefaultAsync(ct) : null;
        string? place = null, placeAddress = null;
        if (session.LocationId is { } locationId)
        {
            var location = await db.Locations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(l => l.Id == locationId, ct);
            place = location?.Name;
            placeAddress = location is null ? null : Block(location.Address);
        }
        else if (session.ResourceId is { } resourceId)
            place = await db.Resources.IgnoreQueryFilters().Where(r => r.Id == resourceId).Select(r => r.Name).SingleOrDefaultAsync(ct);

        model.Session = new SessionFields
        {
            Number = session.Number,
            Description = session.Description,
            Type = type,
            Date = Iso(session.Date),
            DateText = DateText(session.Date),
            StartTime = WallClock.FormatTime(session.StartTime),
            StartTimeText = TimeText(session.StartTime),
            EndTime = WallClock.FormatTime(session.EndTime),
            EndTimeText = TimeText(session.EndTime),
            Photographer = session.PhotographerId is { } p ? names.GetValueOrDefault(p) : null,
            Assistant = session.AssistantId is { } a ? names.GetValueOrDefault(a) : null,
            Place = place,
            PlaceAddress = placeAddress,
            Status = session.Status?.Description,
            StatusDueDate = session.StatusDueDate is { } due ? Iso(due) : null,
            Confirmed = session.Confirmed,
            OnlineEventCode = session.OnlineEventCode,
            OnlineExpireDate = session.OnlineExpireDate is { } expires ? Iso(expires) : null,
        };
        if (session.OrganizationId is { } organizationId)
            model.Organization = await OrganizationFieldsAsync(organizationId, ct);
        model.Links.Confirmation = links.Confirmation(messaging!.PublicBaseUrl, session.Id, session.Date);
        if (messaging.OnlineGalleryUrl is { } gallery)
            model.Links.OnlineGallery = gallery
                .Replace("{eventCode}", Uri.EscapeDataString(session.OnlineEventCode ?? ""), StringComparison.Ordinal)
                .Replace("{sessionNumber}", session.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return model;
    }

    /// <summary>The invoice's model: its session's (when it has one) or its client's, plus the invoice and its payment link. Void invoices too.</summary>
    public async Task<MergeModel?> ForInvoiceAsync(long invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.IgnoreQueryFilters().AsNoTracking().Include(i => i.Status).SingleOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null)
            return null;
        var model = invoice.SessionId is { } sessionId ? await ForSessionAsync(sessionId, ct) : await ForClientAsync(invoice.ClientId, ct);
        if (model is null)
            return null;
        var today = StudioCalendar.From(studio!).LocalDate(db.UtcNow);
        model.Invoice = InvoiceFieldsOf(invoice, today, studio!.Currency);
        model.Links.Payment = PaymentLink(invoice.Number, InstalmentResponse.DueNow(invoice, today).Amount, studio.Currency);
        return model;
    }

    InvoiceFields InvoiceFieldsOf(Invoice invoice, DateOnly today, string currency)
    {
        decimal Major(Money money) => Currency.ToAmount(money, currency);
        string Text(Money money) => InvoiceDocument.Format(money, currency);
        var (due, dueDate) = InstalmentResponse.DueNow(invoice, today);
        return new InvoiceFields
        {
            Number = invoice.Number,
            Date = Iso(invoice.Date),
            DateText = DateText(invoice.Date),
            Type = TypeText(invoice.Type),
            Status = invoice.Status?.Description,
            Void = invoice.IsVoid,
            Total = Major(invoice.Total), TotalText = Text(invoice.Total),
            Paid = Major(invoice.Paid), PaidText = Text(invoice.Paid),
            Balance = Major(invoice.Balance), BalanceText = Text(invoice.Balance),
            AmountDue = Major(due), AmountDueText = Text(due),
            DueDate = due > Money.Zero ? Iso(dueDate) : null,
            DueDateText = due > Money.Zero ? DateText(dueDate) : null,
            Lines = invoice.Lines.OrderBy(l => l.Position).Select(l => new InvoiceLineFields
            {
                Code = l.Code, Description = l.Description, Quantity = l.Quantity,
                UnitPrice = Major(l.UnitPrice), UnitPriceText = Text(l.UnitPrice), Total = Major(l.Total), TotalText = Text(l.Total),
            }).ToList(),
            Instalments = InstalmentResponse.Of(invoice, today).Select(x => new InstalmentFields
            {
                Kind = x.Kind == InstalmentKind.Deposit ? "Deposit" : "Instalment",
                DueDate = Iso(x.DueDate), DueDateText = DateText(x.DueDate),
                Amount = Major(x.Amount), AmountText = Text(x.Amount),
                State = x.State switch { InstalmentState.Paid => "Paid", InstalmentState.PastDue => "Past due", _ => "Open" },
            }).ToList(),
        };
    }

    /// <summary>The studio's payment page for the invoice (messaging settings), or null when none is set.</summary>
    string? PaymentLink(int number, Money due, string currency) =>
        messaging!.PaymentPageUrl?
            .Replace("{invoiceNumber}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{amountDue}", Currency.ToAmount(due, currency).ToString("F" + Currency.MinorUnitDigits(currency), CultureInfo.InvariantCulture), StringComparison.Ordinal);

    static string TypeText(InvoiceType type) => type switch
    {
        InvoiceType.SessionFee => "Session fee",
        InvoiceType.InitialOrder => "Initial order",
        InvoiceType.CreditMemo => "Credit memo",
        _ => type.ToString(),
    };

    /// <summary>Made-up client and session for previewing a template before any record is chosen.</summary>
    public async Task<MergeModel> SampleAsync(MergeRecordType type, CancellationToken ct)
    {
        var model = await BaseAsync(ct);
        model.Client = new ClientFields
        {
            Number = 1001, FirstName = "Jane", LastName = "Sample", DisplayName = "Jane Sample", Email = "jane.sample@example.com",
            Phone = "(217) 555-0142", Status = "Customer",
            Address = new AddressFields { Line1 = "45 Maple St", City = "Springfield", Region = "IL", PostalCode = "62701", Country = "US", Block = "45 Maple St\nSpringfield, IL 62701\nUS" },
            FamilyMembers = [new FamilyMemberFields { FirstName = "Tom", LastName = "Sample", Relationship = "Child" }],
        };
        model.Links.Unsubscribe = $"{messaging!.PublicBaseUrl}{MessagingLinks.UnsubscribePath}?client=0&sig=sample";
        if (type is MergeRecordType.Session or MergeRecordType.Invoice)
        {
            var date = DateOnly.Parse(model.Today, CultureInfo.InvariantCulture).AddDays(7);
            model.Session = new SessionFields
            {
                Number = 2001, Type = "Family", Description = "Family portraits", Date = Iso(date), DateText = DateText(date),
                StartTime = "14:30", StartTimeText = "2:30 PM", EndTime = "15:30", EndTimeText = "3:30 PM",
                Photographer = "Alex Photographer", Place = "Camera Room 1", Status = "Booked",
            };
            model.Links.Confirmation = $"{messaging.PublicBaseUrl}{MessagingLinks.ConfirmationPath}?session=0&date={Iso(date)}&sig=sample";
        }
        if (type == MergeRecordType.Invoice)
        {
            var today = DateOnly.Parse(model.Today, CultureInfo.InvariantCulture);
            var currency = studio!.Currency;
            string Text(long minor) => InvoiceDocument.Format(new Money(minor), currency);
            decimal Major(long minor) => Currency.ToAmount(new Money(minor), currency);
            model.Invoice = new InvoiceFields
            {
                Number = 3001, Date = Iso(today), DateText = DateText(today), Type = "Session fee", Status = "Open",
                Total = Major(15000), TotalText = Text(15000), Paid = Major(5000), PaidText = Text(5000), Balance = Major(10000), BalanceText = Text(10000),
                AmountDue = Major(10000), AmountDueText = Text(10000), DueDate = Iso(today.AddDays(30)), DueDateText = DateText(today.AddDays(30)),
                Lines = [new InvoiceLineFields { Code = "FEE", Description = "Session fee", Quantity = 1, UnitPrice = Major(15000), UnitPriceText = Text(15000), Total = Major(15000), TotalText = Text(15000) }],
                Instalments =
                [
                    new InstalmentFields { Kind = "Deposit", DueDate = Iso(today), DueDateText = DateText(today), Amount = Major(5000), AmountText = Text(5000), State = "Paid" },
                    new InstalmentFields { Kind = "Instalment", DueDate = Iso(today.AddDays(30)), DueDateText = DateText(today.AddDays(30)), Amount = Major(10000), AmountText = Text(10000), State = "Open" },
                ],
            };
            model.Links.Payment = PaymentLink(3001, new Money(10000), currency);
        }
        return model;
    }

    async Task<MergeModel> BaseAsync(CancellationToken ct)
    {
        studio ??= await db.GetStudioSettingsAsync(forUpdate: false, ct);
        messaging ??= await db.GetMessagingSettingsAsync(forUpdate: false, ct);
        var today = StudioCalendar.From(studio).LocalDate(db.UtcNow);
        return new MergeModel
        {
            Studio = new StudioFields
            {
                Name = studio.Name, Phone = studio.Phone, Email = studio.Email, Website = studio.Website, Address = Address(studio.Address),
            },
            Today = Iso(today),
            TodayText = DateText(today),
        };
    }

    async Task<ClientFields> ClientFieldsAsync(Client client, CancellationToken ct)
    {
        var relationshipIds = client.FamilyMembers.Select(m => m.RelationshipId).Distinct().ToList();
        var relationships = relationshipIds.Count == 0 ? [] : await db.Relationships.IgnoreQueryFilters()
            .Where(r => relationshipIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var address = client.Addresses.OrderByDescending(a => a.IsPrimary).FirstOrDefault()?.Address;
        return new ClientFields
        {
            Number = client.Number,
            FirstName = client.FirstName,
            LastName = client.LastName,
            Company = client.Company,
            DisplayName = ClientResponse.DisplayNameOf(client),
            Email = client.Emails.OrderByDescending(e => e.IsPrimary).FirstOrDefault()?.Address,
            Phone = client.Phones.OrderByDescending(p => p.IsPrimary).FirstOrDefault()?.Number,
            Address = address is null ? new AddressFields() : Address(address),
            BirthDate = client.BirthDate is { } birth ? Iso(birth) : null,
            ReferralSource = client.ReferralSource,
            Status = client.Status?.Description,
            FamilyMembers = client.FamilyMembers.Select(m => new FamilyMemberFields
            {
                FirstName = m.FirstName, LastName = m.LastName, Relationship = relationships.GetValueOrDefault(m.RelationshipId),
            }).ToList(),
            Student = client.Student is { } s
                ? new StudentFields
                {
                    StudentId = s.StudentId, Grade = s.Grade, Homeroom = s.Homeroom, Teacher = s.Teacher,
                    GraduationYear = s.GraduationYear, GuardianName = s.GuardianName,
                }
                : null,
        };
    }

    async Task<OrganizationFields?> OrganizationFieldsAsync(long organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is null ? null : new OrganizationFields
        {
            Name = organization.Name, Code = organization.Code, Phone = organization.Phone, Email = organization.Email,
            Website = organization.Website, Address = Address(organization.Address),
        };
    }

    static AddressFields Address(PostalAddress a) => new()
    {
        Line1 = a.Line1, Line2 = a.Line2, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country, Block = Block(a),
    };

    /// <summary>An address as envelope lines: street lines, "City, Region PostalCode", country.</summary>
    public static string? Block(PostalAddress a)
    {
        var place = string.Join(' ', new[] { string.Join(", ", new[] { a.City, a.Region }.Where(p => !string.IsNullOrWhiteSpace(p))), a.PostalCode }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var lines = new[] { a.Line1, a.Line2, place, a.Country }.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateText(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", English);

    public static string TimeText(TimeOnly time) => time.ToString("h:mm tt", English);
}
