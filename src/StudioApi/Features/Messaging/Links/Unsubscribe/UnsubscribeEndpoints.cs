using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Links.Unsubscribe;

public sealed class UnsubscribeRequest
{
    /// <summary>The client, as the link names it.</summary>
    [QueryParam]
    public long Client { get; set; }
    /// <summary>The link's signature, as issued.</summary>
    [QueryParam]
    public string? Sig { get; set; }
}

public sealed class UnsubscribeValidator : Validator<UnsubscribeRequest>
{
    public UnsubscribeValidator()
    {
        RuleFor(r => r.Client).GreaterThan(0);
        RuleFor(r => r.Sig).NotEmpty().MaximumLength(100);
    }
}

static class UnsubscribeLink
{
    public static async Task<Client> CheckAsync(StudioDbContext db, MessagingLinks links, UnsubscribeRequest req, CancellationToken ct)
    {
        if (!links.IsUnsubscribe(req.Client, req.Sig))
            throw ApiProblem.Forbidden("This unsubscribe link is not valid.");
        return await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.Client, ct)
               ?? throw ApiProblem.NotFound("client", req.Client);
    }

    public static void Describe(RouteHandlerBuilder d) => d
        .Produces<Stream>(StatusCodes.Status200OK, "text/html")
        .Answers(StatusCodes.Status403Forbidden, "The link was not issued by this studio, or was altered.")
        .Answers(StatusCodes.Status404NotFound, "The client is no longer on file.");
}

/// <summary>The page an e-mail's unsubscribe link opens: a button, since a link opened by a mail scanner must change nothing.</summary>
public sealed class GetUnsubscribeEndpoint(StudioDbContext db, MessagingLinks links) : Endpoint<UnsubscribeRequest>
{
    public override void Configure()
    {
        Get("/public/unsubscribe");
        AllowAnonymous();
        Description(d =>
        {
            UnsubscribeLink.Describe(d);
            d.Operation("PublicLinks", "GetUnsubscribe", "Show the unsubscribe page of a link",
                "No token: the link's signature is the permission. An HTML page with a button that unsubscribes (a POST "
                + "to the same link); opening the page changes nothing.");
        });
    }

    public override async Task HandleAsync(UnsubscribeRequest req, CancellationToken ct)
    {
        var client = await UnsubscribeLink.CheckAsync(db, links, req, ct);
        var studio = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Name;
        var page = client.Unsubscribed
            ? PublicPage.Render(studio, "You are unsubscribed", $"{studio} sends you no more e-mails.")
            : PublicPage.Render(studio, "Unsubscribe", $"Stop e-mails from {studio} to {ClientResponse.DisplayNameOf(client)}?", "Unsubscribe",
                HttpContext.Request.Path + HttpContext.Request.QueryString);
        await Send.StringAsync(page, StatusCodes.Status200OK, PublicPage.ContentType, ct);
    }
}

/// <summary>
/// Unsubscribes: the page's button, and the one-click unsubscribe of mail programs (RFC 8058: a POST to the
/// List-Unsubscribe address). Clicked twice, or by two at once, the client is unsubscribed once.
/// </summary>
public sealed class UnsubscribeEndpoint(StudioDbContext db, MessagingLinks links) : Endpoint<UnsubscribeRequest>
{
    public override void Configure()
    {
        Post("/public/unsubscribe");
        AllowAnonymous();
        Description(d =>
        {
            UnsubscribeLink.Describe(d);
            d.Operation("PublicLinks", "Unsubscribe", "Unsubscribe a client through a link",
                "No token: the link's signature is the permission. Sets the client's unsubscribed flag (no more e-mails; "
                + "messages to them are skipped with the reason), once. Also the target of mail programs' one-click "
                + "unsubscribe (RFC 8058), whose form body is ignored. Answers an HTML page.");
        });
    }

    public override async Task HandleAsync(UnsubscribeRequest req, CancellationToken ct)
    {
        var client = await UnsubscribeLink.CheckAsync(db, links, req, ct);
        var now = db.UtcNow;
        // Guarded: a second click, or two at once, change the client once.
        await db.Clients.Where(c => c.Id == client.Id && !c.Unsubscribed).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Unsubscribed, true)
            .SetProperty(c => c.UnsubscribedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.UpdatedBy, "client (unsubscribe link)"), ct);
        var studio = (await db.GetStudioSettingsAsync(forUpdate: false, ct)).Name;
        await Send.StringAsync(PublicPage.Render(studio, "You are unsubscribed", $"{studio} sends you no more e-mails."),
            StatusCodes.Status200OK, PublicPage.ContentType, ct);
    }
}
