using System.Globalization;
using FastEndpoints;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.Confirmations.ForPhotographer;

public sealed class GetPhotographerConfirmationRequest
{
    public long Id { get; set; }
}

/// <summary>
/// The confirmation for the photographer and assistant (seed: "with all the information about the client and the
/// session, along with any notes"): handy for someone working away from the studio.
/// </summary>
public sealed class GetPhotographerConfirmationEndpoint(StudioDbContext db) : Endpoint<GetPhotographerConfirmationRequest>
{
    public override void Configure()
    {
        Get("/sessions/{id}/photographer-confirmation");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "GetPhotographerConfirmation",
                "Get a session's confirmation for the photographer",
                "Client contact details, session, calendar lines and notes, as a printable HTML page.")
            .Produces<Stream>(StatusCodes.Status200OK, ConfirmationPage.ContentType));
    }

    public override async Task HandleAsync(GetPhotographerConfirmationRequest req, CancellationToken ct)
    {
        var facts = await ConfirmationFacts.ReadAsync(db, req.Id, ct);
        await Send.StringAsync(Write(facts), StatusCodes.Status200OK, $"{ConfirmationPage.ContentType}; charset=utf-8", ct);
    }

    public static string Write(ConfirmationFacts facts)
    {
        var session = facts.Session;
        var client = facts.Client;
        var zone = facts.Zone;
        static string Labelled(string? label, string text) => string.IsNullOrWhiteSpace(label) ? text : $"{label}: {text}";
        static string? Lines(IEnumerable<string> lines) => string.Join("\n", lines) is { Length: > 0 } text ? text : null;
        static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

        var page = new ConfirmationPage("Photographer confirmation", facts.Studio);
        if (facts.Notice is { } notice)
            page.Notice(notice);
        page.Facts("Session",
                ("Session number", Number(session.Number)),
                ("File number", session.FileNumber),
                ("Session type", facts.Type?.Name),
                ("Date and time", $"{facts.When}\n{facts.TimeZoneNote}"),
                ("Photographer", facts.PersonName(session.PhotographerId)),
                ("Assistant", facts.PersonName(session.AssistantId)),
                ("Camera room / resource", facts.Resource?.Name),
                ("Description", session.Description),
                ("Taking part", facts.Participants()),
                ("Confirmed", ConfirmationPage.YesNo(session.Confirmed)),
                ("Redo", session.Redo ? "Yes" : null),
                ("No-show", session.NoShow ? "Yes" : null),
                ("Booked", $"{ConfirmationPage.Moment(session.BookedOn, zone)} by {session.BookedBy}"))
            .Facts("Where", facts.Place())
            .Facts("Client",
                ("Name", facts.ClientName),
                ("Client number", Number(client.Number)),
                ("Company", client.Kind == ClientKind.Consumer ? client.Company : null),
                ("Phones", Lines(client.Phones.OrderByDescending(p => p.IsPrimary).Select(p => Labelled(p.Label, p.Number)))),
                ("E-mail", Lines(client.Emails.OrderByDescending(e => e.IsPrimary).Select(e => Labelled(e.Label, e.Address)))),
                ("Addresses", Lines(client.Addresses.OrderByDescending(a => a.IsPrimary)
                    .Select(a => ConfirmationPage.Address(a.Address) is { } text ? Labelled(a.Label, text) : null).OfType<string>())))
            .Facts("Organization",
                ("Organization", facts.Organization is { } organization ? $"{organization.Name} ({organization.Code})" : null),
                ("Student id", session.StudentId),
                ("Graduation year", session.GraduationYear?.ToString(CultureInfo.InvariantCulture)),
                ("Yearbook status", session.YearbookStatus))
            .Facts("Social event", facts.SocialEvent())
            .Facts("Custom fields", session.CustomFields.Select(f => (f.Label, f.Value)).ToArray());

        // The primary line is the session itself; extra lines (a second sitting, the set-up the day before) follow by start.
        var primary = new[] { (Date: session.Date, Start: session.StartTime, End: session.EndTime, session.PhotographerId, session.AssistantId, session.ResourceId, What: "Session") };
        var calendar = primary.Concat(facts.CalendarLines.Select(l => (l.Date, Start: l.StartTime, End: l.EndTime, l.PhotographerId, l.AssistantId, l.ResourceId, What: l.Description ?? "")))
            .Select(l => (IReadOnlyList<string?>)
                [ConfirmationPage.When(l.Date, l.Start, l.End), facts.PersonName(l.PhotographerId), facts.PersonName(l.AssistantId), facts.ResourceName(l.ResourceId), l.What]);
        if (facts.CalendarLines.Count > 0)
            page.Table("Calendar", ["When", "Photographer", "Assistant", "Resource", "What"], calendar);
        page.Table("Notes", ["When", "Who", "Note"],
            facts.Notes.Select(n => (IReadOnlyList<string?>)[ConfirmationPage.Moment(n.CreatedAt, zone), n.Author, n.Text]));
        return page.Render();
    }
}
