using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Messaging.Links.Confirmation;

public sealed class SessionConfirmationRequest
{
    /// <summary>The session, as the link names it.</summary>
    [QueryParam]
    public long Session { get; set; }
    /// <summary>The session's date when the link was made.</summary>
    [QueryParam]
    public DateOnly Date { get; set; }
    /// <summary>The link's signature, as issued.</summary>
    [QueryParam]
    public string? Sig { get; set; }
}

public sealed class SessionConfirmationValidator : Validator<SessionConfirmationRequest>
{
    public SessionConfirmationValidator()
    {
        RuleFor(r => r.Session).GreaterThan(0);
        RuleFor(r => r.Date).NotEmpty();
        RuleFor(r => r.Sig).NotEmpty().MaximumLength(100);
    }
}

static class ConfirmationLink
{
    public static async Task<Session> CheckAsync(StudioDbContext db, MessagingLinks links, SessionConfirmationRequest req, CancellationToken ct)
    {
        if (!links.IsConfirmation(req.Session, req.Date, req.Sig))
            throw ApiProblem.Forbidden("This confirmation link is not valid.");
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.Session, ct)
                      ?? throw ApiProblem.NotFound("session", req.Session);
        if (session.Date != req.Date)
            throw ApiProblem.Conflict(
                $"This session has moved to {MergeDataReader.DateText(session.Date)}: this link was for {MergeDataReader.DateText(req.Date)}. Please use the newest message, or call the studio.");
        if (session.Cancelled)
            throw ApiProblem.Conflict("This session has been cancelled.");
        return session;
    }

    public static string When(Session s) => $"{MergeDataReader.DateText(s.Date)} at {MergeDataReader.TimeText(s.StartTime)}";

    public static void Describe(RouteHandlerBuilder d) => d
        .Produces<Stream>(StatusCodes.Status200OK, "text/html")
        .Answers(StatusCodes.Status403Forbidden, "The link was not issued by this studio, or was altered.")
        .Answers(StatusCodes.Status404NotFound, "The session is no longer on file.")
        .Answers(StatusCodes.Status409Conflict, "The session has moved to another day since the link was sent, or was cancelled.");
}

/// <summary>The page a message's confirmation button opens: the session, and a button that confirms it.</summary>
public sealed class GetSessionConfirmationEndpoint(StudioDbContext db, MessagingLinks links) : Endpoint<SessionConfirmationRequest>
{
    public override void Configure()
    {
        Get("/public/session-confirmation");
        AllowAnonymous();
        Description(d =>
        {
            ConfirmationLink.Describe(d);
            d.Operation("PublicLinks", "GetSessionConfirmation", "Show the confirmation page of a link",
                "No token: the link's signature is the permission. An HTML page naming the session with a button that "
                + "confirms it (a POST to the same link); opening the page changes nothing.");
        });
    }

    public override async Task HandleAsync(SessionConfirmationRequest req, CancellationToken ct)
    {
        var session = await ConfirmationLink.CheckAsync(db, links, req, ct);
        var studio = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Name;
        var page = session.Confirmed
            ? PublicPage.Render(studio, "Your session is confirmed", $"We look forward to seeing you on {ConfirmationLink.When(session)}.")
            : PublicPage.Render(studio, "Confirm your session", $"Session {session.Number} on {ConfirmationLink.When(session)}.", "Confirm",
                HttpContext.Request.Path + HttpContext.Request.QueryString);
        await Send.StringAsync(page, StatusCodes.Status200OK, PublicPage.ContentType, ct);
    }
}

/// <summary>
/// The seed's confirmation button: confirms the session (its confirmed flag, a new version) and writes "Confirmed" in
/// its status log, once, however often it is clicked.
/// </summary>
public sealed class ConfirmSessionEndpoint(StudioDbContext db, MessagingLinks links) : Endpoint<SessionConfirmationRequest>
{
    public const string By = "client (confirmation link)";

    public override void Configure()
    {
        Post("/public/session-confirmation");
        AllowAnonymous();
        Description(d =>
        {
            ConfirmationLink.Describe(d);
            d.Operation("PublicLinks", "ConfirmSession", "Confirm a session through a link",
                "No token: the link's signature is the permission. Confirms the session and logs it, once (a second "
                + "click answers the same page). Refused when the session has moved since the link was sent, or was "
                + "cancelled. Answers an HTML page.");
        });
    }

    public override async Task HandleAsync(SessionConfirmationRequest req, CancellationToken ct)
    {
        var session = await ConfirmationLink.CheckAsync(db, links, req, ct);
        var now = db.UtcNow;
        var date = req.Date;
        await db.InTransactionAsync(async () =>
        {
            // Guarded on the date too: a move committed meanwhile wins, and this confirms nothing.
            var confirmed = await db.Sessions.Where(s => s.Id == session.Id && !s.Confirmed && !s.Cancelled && s.Date == date).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Confirmed, true)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.UpdatedBy, By), ct);
            if (confirmed == 1)
            {
                db.SessionLogEntries.Add(new SessionLogEntry
                {
                    SessionId = session.Id, Event = SessionLogEvent.Confirmed, By = By, At = now,
                    Text = $"Confirmed by the client through the link in a message, for {WallClock.FormatTime(session.StartTime)} on {session.Date:yyyy-MM-dd}.",
                });
                await db.SaveChangesAsync(ct);
            }
            return confirmed;
        }, ct);
        var current = await ConfirmationLink.CheckAsync(db, links, req, ct);
        var studio = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Name;
        await Send.StringAsync(PublicPage.Render(studio, "Your session is confirmed",
            $"Thank you. We look forward to seeing you on {ConfirmationLink.When(current)}."), StatusCodes.Status200OK, PublicPage.ContentType, ct);
    }
}
