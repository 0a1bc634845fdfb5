using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.ForSession;

public sealed class GetSessionPriceListRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }

    /// <summary>inStudio (the default: the kiosk, the front desk) or online.</summary>
    public SalesChannel? Channel { get; set; }
}

public sealed class GetSessionPriceListValidator : Validator<GetSessionPriceListRequest>
{
    public GetSessionPriceListValidator() => RuleFor(r => r.Channel).IsInEnum();
}

public sealed class SessionPriceListResponse
{
    /// <summary>Why this list: the session's organization's, its session type's, or the channel's default.</summary>
    public required AssignmentTarget ChosenBy { get; init; }
    public required PriceListResponse PriceList { get; init; }
}

/// <summary>
/// The list a session sells from in a channel: its organization's if it has one, else its session type's, else the
/// channel's default (one indexed lookup of the three candidates).
/// </summary>
public sealed class GetSessionPriceListEndpoint(StudioDbContext db) : Endpoint<GetSessionPriceListRequest, SessionPriceListResponse>
{
    public override void Configure()
    {
        Get("/sessions/{id}/price-list");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceLists", "GetForSession", "Get the price list a session sells from",
            "In a channel: the list of the session's organization, else of its session type, else the channel's default; "
            + "404 when none applies. Its items: GET /price-lists/{id}/items (with availableOnline=true online)."));
    }

    public override async Task HandleAsync(GetSessionPriceListRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == req.Id)
                          .Select(s => new { s.OrganizationId, s.SessionTypeId }).SingleOrDefaultAsync(ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        var channel = req.Channel ?? SalesChannel.InStudio;
        var chosen = await SessionPriceList.FindAsync(db, session.OrganizationId, session.SessionTypeId, channel, ct)
            ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                $"No price list applies to session {req.Id} {(channel == SalesChannel.InStudio ? "in the studio" : "online")}: "
                + "give its organization or session type a list, or make one the channel's default.");
        var list = await db.PriceLists.AsNoTracking().SingleAsync(l => l.Id == chosen.PriceListId, ct);
        await Send.OkAsync(new SessionPriceListResponse { ChosenBy = chosen.ChosenBy, PriceList = await PriceListResponse.OneAsync(db, list, ct) }, ct);
    }
}
