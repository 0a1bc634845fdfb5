using StudioApi.Platform.Addresses;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Search;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Clients;

public enum ClientKind
{
    Consumer,
    Business,
}

/// <summary>
/// A person or business the studio photographs and bills. A student is a client linked to an organization.
/// Its four owned lists are loaded with it, each by a query of its own (split queries are the database's default,
/// see DatabaseRegistration): one query would join them into addresses × phones × emails × family members rows.
/// </summary>
public sealed class Client : AuditedRecord, INumbered, IHasWorkflowStatus, ISearchable
{
    /// <summary>The studio's client number: unique among live clients, assigned as the highest so far + 1 unless chosen.</summary>
    public int Number { get; set; }
    public ClientKind Kind { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    /// <summary>How the client heard of the studio.</summary>
    public string? ReferralSource { get; set; }
    public DateOnly? BirthDate { get; set; }
    public bool EmailOptOut { get; set; }
    public bool SmsOptOut { get; set; }
    /// <summary>The client followed an e-mail's unsubscribe link: no more e-mails from the studio until staff clear it.</summary>
    public bool Unsubscribed { get; set; }
    public DateTime? UnsubscribedAt { get; set; }
    /// <summary>
    /// The address a hard bounce (a 5.x.x delivery status notification) came back from: e-mails to it are skipped, with
    /// the reason, until staff clear it or the address is no longer the client's. With the mail system's reason and when.
    /// </summary>
    public string? EmailBounceAddress { get; set; }
    public string? EmailBounceReason { get; set; }
    public DateTime? EmailBouncedAt { get; set; }
    public List<ClientAddress> Addresses { get; set; } = [];
    public List<ClientPhone> Phones { get; set; } = [];
    public List<ClientEmail> Emails { get; set; } = [];
    /// <summary>Family members of a consumer; contacts of a business.</summary>
    public List<FamilyMember> FamilyMembers { get; set; } = [];
    /// <summary>Set when the client is a student of an organization.</summary>
    public ClientStudent? Student { get; set; }
    /// <summary>The client's picture: a session image (Imaging) of one of the client's sessions (the first imported, unless chosen).</summary>
    public long? ImageId { get; set; }

    /// <summary>Where the client is in the client workflow (Prospect, Customer…); changed only through status changes.</summary>
    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    /// <summary>Clients have one status list: no type scopes it.</summary>
    public long? WorkflowTypeId => null;

    /// <summary>
    /// The list's sort keys, stored so an index serves each sort (see <see cref="IndexText"/>): the last name (the
    /// company when there is none) then the first name; the first name then the last; the company.
    /// </summary>
    public string NameSortKey { get; set; } = "";
    public string FirstNameSortKey { get; set; } = "";
    public string CompanySortKey { get; set; } = "";
    public int SearchIndexVersion { get; set; }

    public const int SortKeyLength = 200;

    /// <summary>
    /// Sets the sort keys and returns the terms the client is found by: the words of the names and company, the email
    /// addresses, every run of three or more digits of the phone numbers, and the student id (see SearchText).
    /// </summary>
    public IEnumerable<string> IndexText()
    {
        NameSortKey = SearchText.SortKey(SortKeyLength, LastName ?? Company, FirstName);
        FirstNameSortKey = SearchText.SortKey(SortKeyLength, FirstName, LastName ?? Company);
        CompanySortKey = SearchText.SortKey(SortKeyLength, Company);
        return SearchText.NameTerms(FirstName)
            .Concat(SearchText.NameTerms(LastName))
            .Concat(SearchText.NameTerms(Company))
            .Concat(Emails.SelectMany(e => SearchText.EmailTerms(e.Address)))
            .Concat(Phones.SelectMany(p => SearchText.DigitRuns(p.Digits)))
            .Concat(SearchText.NameTerms(Student?.StudentId));
    }
}

/// <summary>
/// A term a client is found by (see <see cref="Client.IndexText"/>), with the client's name sort key and whether it is
/// live: a word that thousands of clients match ("smith") is then read in the list's default order from the term index
/// alone, rather than each match looked up in the clients table and sorted (see ListClientsEndpoint).
/// </summary>
public sealed class ClientSearchTerm : SearchTerm<Client>
{
    public string NameSortKey { get; set; } = "";
    public bool IsLive { get; set; }

    public override void Follow(Client client)
    {
        NameSortKey = client.NameSortKey;
        IsLive = client.DeletedAt is null;
    }
}

public sealed class ClientAddress
{
    /// <summary>home, work, billing…</summary>
    public string? Label { get; set; }
    public PostalAddress Address { get; set; } = new();
    public bool IsPrimary { get; set; }
}

public sealed class ClientPhone
{
    public string? Label { get; set; }
    /// <summary>As the caller wrote it, e.g. (217) 555-0100.</summary>
    public string Number { get; set; } = "";
    /// <summary>The digits of <see cref="Number"/> only, so a search for 2175550100 finds (217) 555-0100.</summary>
    public string Digits { get; set; } = "";
    public bool SmsCapable { get; set; }
    public bool IsPrimary { get; set; }

    public static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());
}

public sealed class ClientEmail
{
    public string? Label { get; set; }
    public string Address { get; set; } = "";
    public bool IsPrimary { get; set; }
}

/// <summary>A family member of a consumer client, or a contact person of a business client.</summary>
public sealed class FamilyMember
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>A <see cref="Setup.Relationships.Relationship"/>.</summary>
    public long RelationshipId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A client's enrolment at an organization (a school). Stored in the client's own row.</summary>
public sealed class ClientStudent
{
    public long OrganizationId { get; set; }
    /// <summary>The school's id for the student: unique within the organization among live clients.</summary>
    public string? StudentId { get; set; }
    public string? Grade { get; set; }
    public string? Homeroom { get; set; }
    public string? Teacher { get; set; }
    public int? GraduationYear { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianPhone { get; set; }
    public string? GuardianEmail { get; set; }
}
