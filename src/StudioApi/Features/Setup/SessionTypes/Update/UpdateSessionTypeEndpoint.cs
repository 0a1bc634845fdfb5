using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.Update;

public sealed class UpdateSessionTypeRequest : SessionTypeInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateSessionTypeValidator : Validator<UpdateSessionTypeRequest>
{
    public UpdateSessionTypeValidator() => Include(new SessionTypeInputValidator());
}

public sealed class UpdateSessionTypeEndpoint(StudioDbContext db) : Endpoint<UpdateSessionTypeRequest, SessionTypeResponse>
{
    public override void Configure()
    {
        Put("/session-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("SessionTypes", "Update", "Replace a session type's fields"));
    }

    public override async Task HandleAsync(UpdateSessionTypeRequest req, CancellationToken ct)
    {
        var sessionType = await db.SessionTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("session type", req.Id);
        db.MatchVersion(sessionType, req.IfMatch);
        foreach (var (field, message) in await req.CheckBookingReferencesAsync(db, sessionType.BookingRules, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();
        req.ApplyTo(sessionType);
        await db.SaveOrConflictAsync("SessionTypes", "Name",
            $"A session type named {sessionType.Name} already exists.", ct);

        HttpContext.WriteETag(sessionType);
        await Send.OkAsync(SessionTypeResponse.From(sessionType), ct);
    }
}
