using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Clients.Clients;

/// <summary>The fields of a client a caller sets, shared by create and update (a full replace).</summary>
public abstract class ClientInput
{
    public const int MaxItems = 10;

    /// <summary>Omit to get the next free number on create, or to keep the current one on update.</summary>
    public int? Number { get; set; }
    /// <summary>consumer (the default) or business.</summary>
    public ClientKind Kind { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Required for a business client.</summary>
    public string? Company { get; set; }
    public string? ReferralSource { get; set; }
    public DateOnly? BirthDate { get; set; }
    public bool EmailOptOut { get; set; }
    public bool SmsOptOut { get; set; }
    /// <summary>
    /// Set by the client through an e-mail's unsubscribe link. Omit (or null) to keep it as it is; false clears it (the
    /// client asked to hear from the studio again), true sets it.
    /// </summary>
    public bool? Unsubscribed { get; set; }
    /// <summary>
    /// Set by the mail system: a hard bounce came back from the client's address (see emailBounce). Omit (or null) to
    /// keep it; false clears it (the address works again). Cleared on its own when that address is no longer the client's.
    /// </summary>
    public bool? EmailBounced { get; set; }
    public List<ClientAddressData>? Addresses { get; set; }
    public List<ClientPhoneData>? Phones { get; set; }
    public List<ClientEmailData>? Emails { get; set; }
    public List<ClientFamilyMemberData>? FamilyMembers { get; set; }
    /// <summary>The client's enrolment at an organization, or null if the client is not a student.</summary>
    public ClientStudentData? Student { get; set; }
    /// <summary>The client's picture: an image of one of the client's own sessions, or null. Set on its own by the first import into a session of the client's.</summary>
    public long? ImageId { get; set; }

    public void ApplyTo(Client client)
    {
        if (Number is { } number)
            client.Number = number;
        client.Kind = Kind;
        client.FirstName = Clean(FirstName);
        client.LastName = Clean(LastName);
        client.Company = Clean(Company);
        client.ReferralSource = Clean(ReferralSource);
        client.BirthDate = BirthDate;
        client.EmailOptOut = EmailOptOut;
        client.SmsOptOut = SmsOptOut;
        if (Unsubscribed is { } unsubscribed && unsubscribed != client.Unsubscribed)
        {
            client.Unsubscribed = unsubscribed;
            client.UnsubscribedAt = unsubscribed ? DateTime.UtcNow : null;
        }
        client.ImageId = ImageId;
        client.Addresses = (Addresses ?? []).Select(a => new ClientAddress
            { Label = Clean(a.Label), Address = a.Address.Copy(), IsPrimary = a.IsPrimary }).ToList();
        client.Phones = (Phones ?? []).Select(p => new ClientPhone
        {
            Label = Clean(p.Label),
            Number = p.Number.Trim(),
            Digits = ClientPhone.DigitsOf(p.Number),
            SmsCapable = p.SmsCapable,
            IsPrimary = p.IsPrimary,
        }).ToList();
        client.Emails = (Emails ?? []).Select(e => new ClientEmail
            { Label = Clean(e.Label), Address = e.Address.Trim(), IsPrimary = e.IsPrimary }).ToList();
        if (EmailBounced == false || (client.EmailBounceAddress is { } bounced
                                      && !client.Emails.Any(e => string.Equals(e.Address, bounced, StringComparison.OrdinalIgnoreCase))))
            (client.EmailBounceAddress, client.EmailBounceReason, client.EmailBouncedAt) = (null, null, null);
        client.FamilyMembers = (FamilyMembers ?? []).Select(m => new FamilyMember
        {
            FirstName = Clean(m.FirstName),
            LastName = Clean(m.LastName),
            RelationshipId = m.RelationshipId,
            Phone = Clean(m.Phone),
            Email = Clean(m.Email),
            BirthDate = m.BirthDate,
            Notes = Clean(m.Notes),
        }).ToList();

        if (Student is not { } s)
        {
            client.Student = null;
            return;
        }
        // Changed in place rather than replaced, so EF updates the columns of the client's row.
        var student = client.Student ??= new ClientStudent();
        student.OrganizationId = s.OrganizationId;
        student.StudentId = Clean(s.StudentId);
        student.Grade = Clean(s.Grade);
        student.Homeroom = Clean(s.Homeroom);
        student.Teacher = Clean(s.Teacher);
        student.GraduationYear = s.GraduationYear;
        student.GuardianName = Clean(s.Guardian?.Name);
        student.GuardianPhone = Clean(s.Guardian?.Phone);
        student.GuardianEmail = Clean(s.Guardian?.Email);
    }

    /// <summary>
    /// Field errors for references to records that do not exist or are in the recycle bin. A reference the client
    /// already holds stays acceptable, so a client whose relationship or school was retired can still be edited.
    /// </summary>
    public async Task<List<(string Field, string Message)>> FindBrokenReferencesAsync(StudioDbContext db, IClientPictures pictures,
        Client? current, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var members = FamilyMembers ?? [];
        var wanted = members.Select(m => m.RelationshipId).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var known = (await db.Relationships.Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
            if (current is not null)
                known.UnionWith(current.FamilyMembers.Select(m => m.RelationshipId));
            for (var i = 0; i < members.Count; i++)
                if (!known.Contains(members[i].RelationshipId))
                    errors.Add(($"familyMembers[{i}].relationshipId", $"There is no relationship {members[i].RelationshipId}."));
        }

        if (Student is { } student && student.OrganizationId != current?.Student?.OrganizationId
            && !await db.Organizations.AnyAsync(o => o.Id == student.OrganizationId, ct))
            errors.Add(("student.organizationId", $"There is no organization {student.OrganizationId}."));

        if (ImageId is { } imageId && imageId != current?.ImageId
            && (current is null || !await pictures.IsImageOfClientAsync(imageId, current.Id, ct)))
            errors.Add(("imageId", $"Image {imageId} is not an image of one of the client's sessions."));
        return errors;
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ClientAddressData
{
    /// <summary>home, work, billing…</summary>
    public string? Label { get; set; }
    public PostalAddress Address { get; set; } = new();
    public bool IsPrimary { get; set; }
}

public sealed class ClientPhoneData
{
    public string? Label { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The number can receive text messages.</summary>
    public bool SmsCapable { get; set; }
    public bool IsPrimary { get; set; }
}

public sealed class ClientEmailData
{
    public string? Label { get; set; }
    public string Address { get; set; } = "";
    public bool IsPrimary { get; set; }
}

/// <summary>A family member of a consumer client, or a contact person of a business client.</summary>
public sealed class ClientFamilyMemberData
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Id of a live relationship (GET /relationships).</summary>
    public long RelationshipId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Notes { get; set; }
}

public sealed class ClientStudentData
{
    public long OrganizationId { get; set; }
    /// <summary>The school's id for the student: unique within the organization among live clients.</summary>
    public string? StudentId { get; set; }
    public string? Grade { get; set; }
    public string? Homeroom { get; set; }
    public string? Teacher { get; set; }
    public int? GraduationYear { get; set; }
    public StudentGuardianData? Guardian { get; set; }
}

/// <summary>The parent or guardian the school lists for the student.</summary>
public sealed class StudentGuardianData
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed class ClientInputValidator : AbstractValidator<ClientInput>
{
    public ClientInputValidator()
    {
        RuleFor(c => c.Number).GreaterThan(0);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.ImageId).GreaterThan(0);
        RuleFor(c => c.EmailBounced).NotEqual(true).WithMessage("Only the mail system flags a bouncing address: send false to clear it, or leave it out.");
        RuleFor(c => c.FirstName).MaximumLength(100);
        RuleFor(c => c.LastName).MaximumLength(100)
            .Must((c, last) => !string.IsNullOrWhiteSpace(c.FirstName) || !string.IsNullOrWhiteSpace(last))
            .When(c => c.Kind == ClientKind.Consumer)
            .WithMessage("A consumer client needs a first or a last name.");
        RuleFor(c => c.Company).MaximumLength(200)
            .Must(company => !string.IsNullOrWhiteSpace(company))
            .When(c => c.Kind == ClientKind.Business)
            .WithMessage("A business client needs a company name.");
        RuleFor(c => c.ReferralSource).MaximumLength(100);
        RuleFor(c => c.BirthDate).Must(BePlausibleBirthDate!).When(c => c.BirthDate is not null)
            .WithMessage("Birth date must be between 1900-01-01 and today.");

        RuleFor(c => c.Addresses).MaxItems(ClientInput.MaxItems)
            .Must(a => a is null || a.Count(x => x.IsPrimary) <= 1).WithMessage("At most one address can be primary.");
        RuleForEach(c => c.Addresses).ChildRules(address =>
        {
            address.RuleFor(a => a.Label).MaximumLength(40);
            address.RuleFor(a => a.Address).NotNull().SetValidator(new PostalAddressValidator());
        });

        RuleFor(c => c.Phones).MaxItems(ClientInput.MaxItems)
            .Must(p => p is null || p.Count(x => x.IsPrimary) <= 1).WithMessage("At most one phone can be primary.");
        RuleForEach(c => c.Phones).ChildRules(phone =>
        {
            phone.RuleFor(p => p.Label).MaximumLength(40);
            phone.RuleFor(p => p.Number).NotEmpty().MaximumLength(40)
                .Must(n => ClientPhone.DigitsOf(n ?? "").Length >= 3).WithMessage("A phone number needs at least 3 digits.");
        });

        RuleFor(c => c.Emails).MaxItems(ClientInput.MaxItems)
            .Must(e => e is null || e.Count(x => x.IsPrimary) <= 1).WithMessage("At most one email can be primary.");
        RuleForEach(c => c.Emails).ChildRules(email =>
        {
            email.RuleFor(e => e.Label).MaximumLength(40);
            email.RuleFor(e => e.Address).NotEmpty().MaximumLength(320).EmailAddress();
        });

        RuleFor(c => c.FamilyMembers).MaxItems(ClientInput.MaxItems);
        RuleForEach(c => c.FamilyMembers).ChildRules(member =>
        {
            member.RuleFor(m => m.FirstName).MaximumLength(100);
            member.RuleFor(m => m.LastName).MaximumLength(100)
                .Must((m, last) => !string.IsNullOrWhiteSpace(m.FirstName) || !string.IsNullOrWhiteSpace(last))
                .WithMessage("A family member needs a first or a last name.");
            member.RuleFor(m => m.RelationshipId).GreaterThan(0);
            member.RuleFor(m => m.Phone).MaximumLength(40);
            member.RuleFor(m => m.Email).MaximumLength(320).EmailAddress();
            member.RuleFor(m => m.BirthDate).Must(BePlausibleBirthDate!).When(m => m.BirthDate is not null)
                .WithMessage("Birth date must be between 1900-01-01 and today.");
            member.RuleFor(m => m.Notes).MaximumLength(1000);
        });

        RuleFor(c => c.Student!).ChildRules(student =>
        {
            student.RuleFor(s => s.OrganizationId).GreaterThan(0);
            student.RuleFor(s => s.StudentId).MaximumLength(50);
            student.RuleFor(s => s.Grade).MaximumLength(20);
            student.RuleFor(s => s.Homeroom).MaximumLength(50);
            student.RuleFor(s => s.Teacher).MaximumLength(100);
            student.RuleFor(s => s.GraduationYear).InclusiveBetween(1900, 2200);
            student.RuleFor(s => s.Guardian!).ChildRules(guardian =>
            {
                guardian.RuleFor(g => g.Name).MaximumLength(200);
                guardian.RuleFor(g => g.Phone).MaximumLength(40);
                guardian.RuleFor(g => g.Email).MaximumLength(320).EmailAddress();
            }).When(s => s.Guardian is not null);
        }).When(c => c.Student is not null);
    }

    // A day of slack so a birth "today" is accepted in every time zone.
    static bool BePlausibleBirthDate(DateOnly? date) =>
        date >= new DateOnly(1900, 1, 1) && date <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
}

/// <summary>
/// Which images may be a client's picture: an image of one of the client's own sessions. Imaging, which knows images,
/// answers; Clients only asks, so it does not depend on Imaging.
/// </summary>
public interface IClientPictures
{
    Task<bool> IsImageOfClientAsync(long imageId, long clientId, CancellationToken ct);
}
