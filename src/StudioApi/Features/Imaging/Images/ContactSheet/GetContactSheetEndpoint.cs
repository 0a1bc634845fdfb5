using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.Images.ContactSheet;

public sealed class GetContactSheetRequest
{
    public long Id { get; set; }
    /// <summary>From 1; the X-Total-Pages header says how many there are.</summary>
    public int Page { get; set; } = 1;
    public int Columns { get; set; } = 6;
    public int Rows { get; set; } = 5;
}

public sealed class GetContactSheetValidator : Validator<GetContactSheetRequest>
{
    public const int MaxGrid = 10;

    public GetContactSheetValidator()
    {
        RuleFor(r => r.Page).GreaterThan(0);
        RuleFor(r => r.Columns).InclusiveBetween(1, MaxGrid);
        RuleFor(r => r.Rows).InclusiveBetween(1, MaxGrid);
    }
}

/// <summary>
/// A session's contact sheet: numbered thumbnails of its live images (hidden ones too: the sheet is for the studio),
/// columns × rows per page, as a JPEG. Drawn on each request; nothing is stored.
/// </summary>
public sealed class GetContactSheetEndpoint(StudioDbContext db, ContactSheetRenderer renderer) : Endpoint<GetContactSheetRequest>
{
    public const string TotalPagesHeader = "X-Total-Pages";

    public override void Configure()
    {
        Get("/sessions/{id}/contact-sheet");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg")
            .Operation("Images", "ContactSheet",
                "Get a page of a session's contact sheet",
                "Numbered thumbnails (✓ selected, ★ favorite) as a JPEG; `X-Total-Pages` gives the page count."));
    }

    public override async Task HandleAsync(GetContactSheetRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == req.Id)
                          .Select(s => new { s.Number, s.ClientId }).SingleOrDefaultAsync(ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == session.ClientId, ct);

        var images = db.SessionImages.AsNoTracking().Where(i => i.SessionId == req.Id);
        var perPage = req.Columns * req.Rows;
        var count = await images.CountAsync(ct);
        // An empty session still has its (empty) first page.
        var pages = Math.Max(1, (count + perPage - 1) / perPage);
        if (req.Page > pages)
            throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                $"The session's contact sheet has {pages} page{(pages == 1 ? "" : "s")} of {perPage} images; there is no page {req.Page}.");

        var tiles = await images.OrderBy(i => i.Number).Skip((req.Page - 1) * perPage).Take(perPage)
            .Select(i => new ContactSheetTile(i.Number, i.StorageKey, i.RenditionState == RenditionState.Ready,
                i.ProofState == ProofState.Selected, i.Favorite, i.Rotation))
            .ToListAsync(ct);
        var name = client is null ? "" : $" · {ClientResponse.DisplayNameOf(client)}";
        var jpeg = await renderer.RenderAsync($"Session {session.Number}{name} · page {req.Page} of {pages}", tiles, req.Columns, req.Rows, ct);

        HttpContext.Response.Headers[TotalPagesHeader] = pages.ToString();
        if (req.Page < pages)
            HttpContext.Response.Headers.Link =
                $"</api/v1/sessions/{req.Id}/contact-sheet?page={req.Page + 1}&columns={req.Columns}&rows={req.Rows}>; rel=\"next\"";
        HttpContext.Response.Headers.CacheControl = "no-store";
        await Send.BytesAsync(jpeg, contentType: "image/jpeg", cancellation: ct);
    }
}
