using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Clients;

public sealed class ClientResponse : RecordResponse
{
    public required int Number { get; init; }
    public required ClientKind Kind { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    /// <summary>How lists show the client: "First Last", or the company of a business.</summary>
    public required string DisplayName { get; init; }
    public string? ReferralSource { get; init; }
    public DateOnly? BirthDate { get; init; }
    public required bool EmailOptOut { get; init; }
    public required bool SmsOptOut { get; init; }
    /// <summary>The client unsubscribed through an e-mail's link: no e-mails are sent (a message to them is skipped, with the reason).</summary>
    public required bool Unsubscribed { get; init; }
    public DateTimeOffset? UnsubscribedAt { get; init; }
    /// <summary>A hard bounce came back from this e-mail address: e-mails to it are skipped (reason emailBounced) until cleared; null when none.</summary>
    public ClientEmailBounce? EmailBounce { get; init; }
    public required IReadOnlyList<ClientAddressData> Addresses { get; init; }
    public required IReadOnlyList<ClientPhoneData> Phones { get; init; }
    public required IReadOnlyList<ClientEmailData> Emails { get; init; }
    public required IReadOnlyList<ClientFamilyMemberData> FamilyMembers { get; init; }
    public ClientStudentData? Student { get; init; }
    /// <summary>The client's picture, an image of one of the client's sessions (GET /images/{id}).</summary>
    public long? ImageId { get; init; }
    /// <summary>Where the client is in the client workflow; null until the studio has client statuses.</summary>
    public RecordStatusResponse? Status { get; init; }
    public required ClientFlags Flags { get; init; }

    /// <param name="c">The client, with its <see cref="Client.Status"/> loaded.</param>
    /// <param name="today">Today in the studio's time zone, which decides whether the status is overdue.</param>
    /// <param name="outstandingBalance">What the client owes on its invoices (<see cref="IClientBalances"/>).</param>
    /// <param name="overdueCall">Whether a call to the client is past its due date (see <see cref="IClientCallFlags"/>).</param>
    public static ClientResponse From(Client c, DateOnly today, Money outstandingBalance, bool overdueCall) =>
        From(c, RecordStatusResponse.From(c, c.Status, today), outstandingBalance, overdueCall);

    static ClientResponse From(Client c, RecordStatusResponse? status, Money outstandingBalance, bool overdueCall) => new ClientResponse
    {
        Number = c.Number,
        Kind = c.Kind,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Company = c.Company,
        DisplayName = DisplayNameOf(c),
        ReferralSource = c.ReferralSource,
        BirthDate = c.BirthDate,
        EmailOptOut = c.EmailOptOut,
        SmsOptOut = c.SmsOptOut,
        Unsubscribed = c.Unsubscribed,
        UnsubscribedAt = c.UnsubscribedAt,
        EmailBounce = c.EmailBounceAddress is { } bounced
            ? new ClientEmailBounce { Address = bounced, Reason = c.EmailBounceReason ?? "", BouncedAt = c.EmailBouncedAt ?? default }
            : null,
        Addresses = c.Addresses.Select(a => new ClientAddressData { Label = a.Label, Address = a.Address, IsPrimary = a.IsPrimary }).ToList(),
        Phones = c.Phones.Select(p => new ClientPhoneData { Label = p.Label, Number = p.Number, SmsCapable = p.SmsCapable, IsPrimary = p.IsPrimary }).ToList(),
        Emails = c.Emails.Select(e => new ClientEmailData { Label = e.Label, Address = e.Address, IsPrimary = e.IsPrimary }).ToList(),
        FamilyMembers = c.FamilyMembers.Select(m => new ClientFamilyMemberData
        {
            FirstName = m.FirstName,
            LastName = m.LastName,
            RelationshipId = m.RelationshipId,
            Phone = m.Phone,
            Email = m.Email,
            BirthDate = m.BirthDate,
            Notes = m.Notes,
        }).ToList(),
        Student = c.Student is { } s
            ? new ClientStudentData
            {
                OrganizationId = s.OrganizationId,
                StudentId = s.StudentId,
                Grade = s.Grade,
                Homeroom = s.Homeroom,
                Teacher = s.Teacher,
                GraduationYear = s.GraduationYear,
                Guardian = s.GuardianName is null && s.GuardianPhone is null && s.GuardianEmail is null
                    ? null
                    : new StudentGuardianData { Name = s.GuardianName, Phone = s.GuardianPhone, Email = s.GuardianEmail },
            }
            : null,
        ImageId = c.ImageId,
        Status = status,
        Flags = new ClientFlags { OutstandingBalance = outstandingBalance, HasOverdueStatus = status?.IsOverdue == true, HasOverdueCall = overdueCall },
    }.WithAudit(c);

    /// <summary>The name the studio calls the client by: the person, or the company for a business.</summary>
    public static string DisplayNameOf(Client c)
    {
        var person = string.Join(' ', new[] { c.FirstName, c.LastName }.Where(n => n is not null));
        return c.Kind == ClientKind.Business ? c.Company ?? person : person.Length > 0 ? person : c.Company ?? "";
    }
}

/// <summary>The address a hard bounce came back from, the mail system's reason, and when.</summary>
public sealed class ClientEmailBounce
{
    public required string Address { get; init; }
    /// <summary>The status and diagnostic of the bounce, e.g. 5.1.1 (smtp; 550 5.1.1 user unknown).</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset BouncedAt { get; init; }
}

/// <summary>
/// The seed's "notification lights", computed when the client is read, never stored. Only what is computed is here:
/// the balance from invoices and payments (Sales), the overdue status from the workflow, the overdue call from calls (Messaging).
/// </summary>
public sealed class ClientFlags
{
    /// <summary>
    /// What the client owes: the balances above 0 of its invoices that are owed (not estimates, credit memos or void
    /// ones), in minor units of the studio's currency. Its credit and the aging are at GET /clients/{id}/balance.
    /// </summary>
    public Money OutstandingBalance { get; init; }
    /// <summary>The client's status is past its due date and not final.</summary>
    public bool HasOverdueStatus { get; init; }
    /// <summary>A call to the client is past its due date and not completed.</summary>
    public bool HasOverdueCall { get; init; }
}

/// <summary>
/// Which clients have a call past its due date: calls are Messaging's, so Messaging answers (registered in its
/// <c>AddMessaging()</c>); Clients names no later area.
/// </summary>
public interface IClientCallFlags
{
    /// <summary>The clients of <paramref name="clientIds"/> with a live, uncompleted call due before <paramref name="today"/>.</summary>
    Task<IReadOnlySet<long>> WithOverdueCallsAsync(IReadOnlyCollection<long> clientIds, DateOnly today, CancellationToken ct);
}

public static class ClientCallFlagsExtensions
{
    public static async Task<bool> HasOverdueCallAsync(this IClientCallFlags flags, long clientId, DateOnly today, CancellationToken ct) =>
        (await flags.WithOverdueCallsAsync([clientId], today, ct)).Contains(clientId);
}
