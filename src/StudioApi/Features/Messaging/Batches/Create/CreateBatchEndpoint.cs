using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches.Create;

public sealed class CreateBatchRequest : BatchInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateBatchValidator : Validator<CreateBatchRequest>
{
    public CreateBatchValidator() => Include(new BatchInputValidator());
}

public sealed class CreateBatchEndpoint(StudioDbContext db, BatchSignal signal) : Endpoint<CreateBatchRequest, BatchResponse>
{
    public override void Configure()
    {
        Post("/communication-batches");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Produces<BatchResponse>(StatusCodes.Status202Accepted, "application/json")
            .Answers(StatusCodes.Status422UnprocessableEntity, "The filter finds no records, or more than 20,000.")
            .Operation("CommunicationBatches", "Create", "Send a template to every record of a filter",
                "The communication wizard's send: answers 202 with the batch to poll (Location) while a background worker "
                + "makes one message per record of the filter (those made before the batch), each logged on its client "
                + "and session and delivered by the outbox; skipped ones keep their reason. A batch taken up again after a "
                + "crash goes on where it stopped; a retry with the same Idempotency-Key answers the same batch. Never "
                + "twice to one record.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateBatchRequest req, CancellationToken ct)
    {
        var (_, errors) = await req.CheckAsync(db, ct);
        foreach (var (field, message) in errors)
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        var batch = new CommunicationBatch { TemplateId = req.TemplateId, Channel = req.Channel!.Value, Filter = req.Filter.ToFilter(), State = BatchState.Queued };
        var now = db.UtcNow;
        var total = await BatchRecords.Query(db, batch.Filter, now).CountAsync(ct);
        if (total == 0)
            throw ApiProblem.RuleBroken("The filter finds no records: there is nobody to send to.");
        if (total > Preview.PreviewBatchEndpoint.MaxRecords)
            throw ApiProblem.RuleBroken($"The filter finds more than {Preview.PreviewBatchEndpoint.MaxRecords} records: narrow it.");
        batch.RecordCount = total;
        db.Set<CommunicationBatch>().Add(batch);
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is null)
            signal.Wake();
        else
            db.AfterCommit(_ =>
            {
                signal.Wake();
                return Task.CompletedTask;
            });

        HttpContext.WriteETag(batch);
        HttpContext.Response.Headers.Location = $"/api/v1/communication-batches/{batch.Id}";
        await Send.ResponseAsync(BatchResponse.From(batch, new Dictionary<DeliveryState, int>()), StatusCodes.Status202Accepted, ct);
    }
}
