using System.ComponentModel;

namespace StudioApi.Features.Messaging.Merging;

// What a template can merge, one class per object a template names ({{ client.firstName }}, {{ session.dateText }}).
// These classes are the one source of the merge fields: the catalogue that checks templates at save time and lists
// the fields (GET /templates/merge-fields) is read from them by reflection, and the values a template is rendered with
// are instances of them, so the two cannot disagree. Names are the camelCase of the properties. Dates are ISO strings
// ("2026-03-10", which Liquid's date filter reads) with a ready-written text beside them.

/// <summary>The objects a template merges, by the record kind it is written for.</summary>
public sealed class MergeModel
{
    [Description("The studio: its name, address and how to reach it.")]
    public StudioFields Studio { get; set; } = new();

    [Description("The client the message is for.")]
    public ClientFields? Client { get; set; }

    [Description("The session the message is about (session templates; invoice templates: the invoice's session, if any).")]
    public SessionFields? Session { get; set; }

    [Description("The invoice the message is about (invoice templates only).")]
    public InvoiceFields? Invoice { get; set; }

    [Description("The organization (school): the session's, or the client's as a student.")]
    public OrganizationFields? Organization { get; set; }

    [Description("Links for the client to follow.")]
    public LinkFields Links { get; set; } = new();

    [Description("Today in the studio's time zone, YYYY-MM-DD.")]
    public string Today { get; set; } = "";

    [Description("Today in words, e.g. Tuesday, March 10, 2026.")]
    public string TodayText { get; set; } = "";
}

public sealed class StudioFields
{
    [Description("The studio's name.")] public string Name { get; set; } = "";
    [Description("The studio's phone number.")] public string? Phone { get; set; }
    [Description("The studio's e-mail address.")] public string? Email { get; set; }
    [Description("The studio's web site.")] public string? Website { get; set; }
    [Description("The studio's postal address.")] public AddressFields Address { get; set; } = new();
}

public sealed class AddressFields
{
    [Description("First line.")] public string? Line1 { get; set; }
    [Description("Second line.")] public string? Line2 { get; set; }
    [Description("City.")] public string? City { get; set; }
    [Description("State, province or county.")] public string? Region { get; set; }
    [Description("Postal code.")] public string? PostalCode { get; set; }
    [Description("Country code, e.g. US.")] public string? Country { get; set; }
    [Description("The whole address as lines for an envelope or a letter head.")] public string? Block { get; set; }
}

public sealed class ClientFields
{
    [Description("The client number.")] public int Number { get; set; }
    [Description("First name.")] public string? FirstName { get; set; }
    [Description("Last name.")] public string? LastName { get; set; }
    [Description("Company (business clients).")] public string? Company { get; set; }
    [Description("How the studio calls the client: first and last name, or the company.")] public string DisplayName { get; set; } = "";
    [Description("The primary e-mail address.")] public string? Email { get; set; }
    [Description("The primary phone number.")] public string? Phone { get; set; }
    [Description("The primary postal address.")] public AddressFields Address { get; set; } = new();
    [Description("Birth date, YYYY-MM-DD.")] public string? BirthDate { get; set; }
    [Description("How the client heard of the studio.")] public string? ReferralSource { get; set; }
    [Description("The client's status in the client workflow.")] public string? Status { get; set; }
    [Description("Family members (business clients: contacts), each with firstName, lastName and relationship.")]
    public List<FamilyMemberFields> FamilyMembers { get; set; } = [];
    [Description("The client's enrolment as a student, when the client is one.")] public StudentFields? Student { get; set; }
}

public sealed class FamilyMemberFields
{
    [Description("First name.")] public string? FirstName { get; set; }
    [Description("Last name.")] public string? LastName { get; set; }
    [Description("How the member is related to the client (Mother, Son…).")] public string? Relationship { get; set; }
}

public sealed class StudentFields
{
    [Description("The school's id for the student.")] public string? StudentId { get; set; }
    [Description("Grade.")] public string? Grade { get; set; }
    [Description("Homeroom.")] public string? Homeroom { get; set; }
    [Description("Teacher.")] public string? Teacher { get; set; }
    [Description("Graduation year.")] public int? GraduationYear { get; set; }
    [Description("The parent or guardian the school lists.")] public string? GuardianName { get; set; }
}

public sealed class SessionFields
{
    [Description("The session number.")] public int Number { get; set; }
    [Description("The session's description.")] public string? Description { get; set; }
    [Description("The session type's name.")] public string? Type { get; set; }
    [Description("The session date, YYYY-MM-DD.")] public string Date { get; set; } = "";
    [Description("The session date in words, e.g. Tuesday, March 10, 2026.")] public string DateText { get; set; } = "";
    [Description("Start time, HH:mm (24-hour).")] public string StartTime { get; set; } = "";
    [Description("Start time as people write it, e.g. 2:30 PM.")] public string StartTimeText { get; set; } = "";
    [Description("End time, HH:mm (24-hour).")] public string EndTime { get; set; } = "";
    [Description("End time as people write it, e.g. 3:30 PM.")] public string EndTimeText { get; set; } = "";
    [Description("The photographer's name.")] public string? Photographer { get; set; }
    [Description("The assistant's name.")] public string? Assistant { get; set; }
    [Description("Where: the camera room, or the outside location's name.")] public string? Place { get; set; }
    [Description("The outside location's address, when the session is at one.")] public string? PlaceAddress { get; set; }
    [Description("The session's status.")] public string? Status { get; set; }
    [Description("The due date of the session's status, YYYY-MM-DD.")] public string? StatusDueDate { get; set; }
    [Description("Whether the client has confirmed the session.")] public bool Confirmed { get; set; }
    [Description("The code guests enter to see the online gallery.")] public string? OnlineEventCode { get; set; }
    [Description("When the online gallery closes, YYYY-MM-DD.")] public string? OnlineExpireDate { get; set; }
}

public sealed class OrganizationFields
{
    [Description("The organization's name.")] public string Name { get; set; } = "";
    [Description("The studio's code for it.")] public string Code { get; set; } = "";
    [Description("Phone number.")] public string? Phone { get; set; }
    [Description("E-mail address.")] public string? Email { get; set; }
    [Description("Web site.")] public string? Website { get; set; }
    [Description("Postal address.")] public AddressFields Address { get; set; } = new();
}

/// <summary>
/// An invoice as a message tells the client about it. Amounts are numbers in the currency's major units (32.48, for
/// comparisons and arithmetic in Liquid) with a ready-written text beside them ("USD 32.48"), as the document prints them.
/// </summary>
public sealed class InvoiceFields
{
    [Description("The invoice number.")] public int Number { get; set; }
    [Description("The invoice date, YYYY-MM-DD.")] public string Date { get; set; } = "";
    [Description("The invoice date in words, e.g. Tuesday, March 10, 2026.")] public string DateText { get; set; } = "";
    [Description("What kind of invoice: Session fee, Initial order, Reorder, Estimate or Credit memo.")] public string Type { get; set; } = "";
    [Description("The invoice's status.")] public string? Status { get; set; }
    [Description("Whether it was voided.")] public bool Void { get; set; }
    [Description("The total, in major units (e.g. 32.48).")] public decimal Total { get; set; }
    [Description("The total with its currency, e.g. USD 32.48.")] public string TotalText { get; set; } = "";
    [Description("What has been paid, in major units.")] public decimal Paid { get; set; }
    [Description("What has been paid, with its currency.")] public string PaidText { get; set; } = "";
    [Description("What is left to pay (total less credits and payments), in major units.")] public decimal Balance { get; set; }
    [Description("What is left to pay, with its currency.")] public string BalanceText { get; set; } = "";
    [Description("What is due now: the open part of the payment plan's next unpaid amount, else the balance; in major units.")]
    public decimal AmountDue { get; set; }
    [Description("What is due now, with its currency.")] public string AmountDueText { get; set; } = "";
    [Description("When the amount due now is due, YYYY-MM-DD (the next unpaid instalment's due date, else the invoice date); empty when nothing is owed.")]
    public string? DueDate { get; set; }
    [Description("That due date in words.")] public string? DueDateText { get; set; }
    [Description("The invoice's lines, in order, for {% for line in invoice.lines %}.")] public List<InvoiceLineFields> Lines { get; set; } = [];
    [Description("The payment plan's deposit and instalments, in due order.")] public List<InstalmentFields> Instalments { get; set; } = [];
}

public sealed class InvoiceLineFields
{
    [Description("The item's code.")] public string Code { get; set; } = "";
    [Description("The item's description as sold.")] public string Description { get; set; } = "";
    [Description("How many.")] public int Quantity { get; set; }
    [Description("The unit price, in major units.")] public decimal UnitPrice { get; set; }
    [Description("The unit price with its currency.")] public string UnitPriceText { get; set; } = "";
    [Description("The line's amount after discount and tax, in major units.")] public decimal Total { get; set; }
    [Description("The line's amount with its currency.")] public string TotalText { get; set; } = "";
}

public sealed class InstalmentFields
{
    [Description("Deposit or Instalment.")] public string Kind { get; set; } = "";
    [Description("The due date, YYYY-MM-DD.")] public string DueDate { get; set; } = "";
    [Description("The due date in words.")] public string DueDateText { get; set; } = "";
    [Description("The amount, in major units.")] public decimal Amount { get; set; }
    [Description("The amount with its currency.")] public string AmountText { get; set; } = "";
    [Description("Paid, Open or Past due.")] public string State { get; set; } = "";
}

/// <summary>
/// Links a message carries. Signed by the API (unsubscribe, confirmation), so they work without signing in and cannot
/// be made up for another client or session. The payment link is the studio's own payment page (messaging settings).
/// </summary>
public sealed class LinkFields
{
    [Description("Stops e-mails from the studio to this client (a signed link to the API).")]
    public string? Unsubscribe { get; set; }

    [Description("Confirms the session with one click (session templates; a signed link to the API).")]
    public string? Confirmation { get; set; }

    [Description("The session's online gallery, from the messaging settings' gallery address (session templates).")]
    public string? OnlineGallery { get; set; }

    [Description("Where the client pays the invoice: the studio's payment page from the messaging settings, with the invoice number and amount due (invoice templates).")]
    public string? Payment { get; set; }
}
