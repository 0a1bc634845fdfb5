using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.CalendarFeeds.Create;

public sealed class CreateCalendarFeedRequest
{
    /// <summary>A feed of this user's calendar (give userId or resourceId).</summary>
    public long? UserId { get; set; }
    /// <summary>A feed of this resource's calendar (give userId or resourceId).</summary>
    public long? ResourceId { get; set; }
}

public sealed class CreateCalendarFeedValidator : Validator<CreateCalendarFeedRequest>
{
    public CreateCalendarFeedValidator()
    {
        RuleFor(r => r.UserId).GreaterThan(0);
        RuleFor(r => r.ResourceId).GreaterThan(0);
        RuleFor(r => r.UserId).NotNull().When(r => r.ResourceId is null).WithMessage("Give userId or resourceId.");
        RuleFor(r => r.ResourceId).Null().When(r => r.UserId is not null).WithMessage("A feed is of a user or of a resource, not both.");
    }
}

public sealed class CreateCalendarFeedEndpoint(StudioDbContext db) : Endpoint<CreateCalendarFeedRequest, CalendarFeedResponse>
{
    public override void Configure()
    {
        Post("/calendar/feeds");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            // It answers 201 (CreatedAtAsync below): the contract said 200, so the SDKs took the answer for an error.
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CalendarFeedResponse>(StatusCodes.Status201Created)
            .Operation("Calendar", "CreateFeed",
                    "Create a calendar feed",
                    "Makes a secret iCalendar subscription URL for a user's or a resource's calendar (the front desk for "
                    + "anyone; others for themselves). Only a hash of it is kept: the URL is shown in this answer only."));
            // No Idempotency-Key: a replay store would keep the response, and with it the secret URL, in the database.
    }

    public override async Task HandleAsync(CreateCalendarFeedRequest req, CancellationToken ct)
    {
        if (!CalendarFeedAccess.ManagesAll(User) && req.UserId != User.UserId())
            throw ApiProblem.Forbidden("You can only make feeds of your own calendar.");
        if (req.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, ct))
            AddError(new ValidationFailure("userId", $"There is no user {userId}."));
        if (req.ResourceId is { } resourceId && !await db.Resources.AnyAsync(r => r.Id == resourceId, ct))
            AddError(new ValidationFailure("resourceId", $"There is no resource {resourceId}."));
        ThrowIfAnyErrors();

        var token = CalendarFeedTokens.New();
        var feed = new CalendarFeed { UserId = req.UserId, ResourceId = req.ResourceId, TokenHash = CalendarFeedTokens.Hash(token) };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        await Send.CreatedAtAsync("Calendar_ListFeeds", null,
            CalendarFeedResponse.From(feed, CalendarFeedTokens.Url(HttpContext.Request, token)), cancellation: ct);
    }
}
