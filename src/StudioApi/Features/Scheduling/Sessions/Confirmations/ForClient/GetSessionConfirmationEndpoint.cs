using FastEndpoints;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.Confirmations.ForClient;

public sealed class GetSessionConfirmationRequest
{
    public long Id { get; set; }
}

/// <summary>
/// The confirmation the studio prints or e-mails to the client: who, when, where, with whom. Nothing internal — no
/// phone numbers, file number, custom fields or notes log (those are on the photographer confirmation).
/// </summary>
public sealed class GetSessionConfirmationEndpoint(StudioDbContext db) : Endpoint<GetSessionConfirmationRequest>
{
    public override void Configure()
    {
        Get("/sessions/{id}/confirmation");
        Roles(Platform.Auth.Roles.AnyStaff);
        // A document of any length, not JSON: the SDKs hand it back as a file (stream) rather than parsing it.
        Description(d => d.Operation("Sessions", "GetConfirmation",
                "Get a session's confirmation for the client",
                "A printable HTML page on the studio's letterhead.")
            .Produces<Stream>(StatusCodes.Status200OK, ConfirmationPage.ContentType));
    }

    public override async Task HandleAsync(GetSessionConfirmationRequest req, CancellationToken ct)
    {
        var facts = await ConfirmationFacts.ReadAsync(db, req.Id, ct);
        await Send.StringAsync(Write(facts), StatusCodes.Status200OK, $"{ConfirmationPage.ContentType}; charset=utf-8", ct);
    }

    public static string Write(ConfirmationFacts facts)
    {
        var session = facts.Session;
        var address = facts.Client.Addresses.OrderByDescending(a => a.IsPrimary).Select(a => ConfirmationPage.Address(a.Address)).FirstOrDefault();
        var page = new ConfirmationPage(facts.IsSocialEvent ? "Social event confirmation" : "Session confirmation", facts.Studio);
        if (facts.Notice is { } notice)
            page.Notice(notice);
        page.Facts("Prepared for", ("Name", facts.ClientName), ("Address", address))
            .Facts("Your session",
                ("Session number", session.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Session type", facts.Type?.Name),
                ("Date and time", $"{facts.When}\n{facts.TimeZoneNote}"),
                ("Photographer", facts.PersonName(session.PhotographerId)),
                ("Taking part", facts.Participants()),
                ("Organization", facts.Organization?.Name),
                ("Description", session.Description))
            .Facts("Where", facts.Place())
            .Facts("Your event", facts.SocialEvent());
        var reach = string.Join(" or ", new[] { facts.Studio.Phone is { } phone ? $"call {phone}" : null, facts.Studio.Email is { } email ? $"e-mail {email}" : null }
            .OfType<string>());
        page.Closing(reach.Length > 0
            ? $"Questions, or need to change your booking? Please {reach}. We look forward to seeing you."
            : "We look forward to seeing you.");
        return page.Render();
    }
}
