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

    [Description("The session the message is about (session templates only).")]
    public SessionFields? Session { get; set; }

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
/// Links a message carries. Signed by the API (unsubscribe, confirmation), so they work without signing in and cannot
/// be made up for another client or session. An invoice's payment link joins them with invoices.
/// </summary>
public sealed class LinkFields
{
    [Description("Stops e-mails from the studio to this client (a signed link to the API).")]
    public string? Unsubscribe { get; set; }

    [Description("Confirms the session with one click (session templates; a signed link to the API).")]
    public string? Confirmation { get; set; }

    [Description("The session's online gallery, from the messaging settings' gallery address (session templates).")]
    public string? OnlineGallery { get; set; }
}
