using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Communications.Delete;

public sealed class DeleteCommunicationRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteCommunicationEndpoint(StudioDbContext db) : Endpoint<DeleteCommunicationRequest>
{
    public override void Configure()
    {
        Delete("/communications/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The message is being handed over right now.")
            .Operation("Communications", "Delete", "Move a communication to the recycle bin",
                "A queued message in the recycle bin is not sent (unless restored). Refused while the outbox is handing it over."));
    }

    public override async Task HandleAsync(DeleteCommunicationRequest req, CancellationToken ct)
    {
        var communication = await db.Communications.SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                            ?? throw ApiProblem.NotFound("communication", req.Id);
        db.MatchVersion(communication, req.IfMatch);
        if (communication.State == DeliveryState.Sending)
            throw ApiProblem.Conflict("The outbox is handing this message over right now; wait until it is sent or failed.");
        db.SoftDelete(communication);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
