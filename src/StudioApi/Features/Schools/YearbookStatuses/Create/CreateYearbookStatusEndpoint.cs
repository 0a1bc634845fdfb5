using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.Create;

public sealed class CreateYearbookStatusRequest : YearbookStatusInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateYearbookStatusValidator : Validator<CreateYearbookStatusRequest>
{
    public CreateYearbookStatusValidator() => Include(new YearbookStatusInputValidator());
}

public sealed class CreateYearbookStatusEndpoint(StudioDbContext db) : Endpoint<CreateYearbookStatusRequest, YearbookStatusResponse>
{
    public override void Configure()
    {
        Post("/yearbook-statuses");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("YearbookStatuses", "Create", "Create a yearbook status",
            "A name a session's yearbook status is picked from.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateYearbookStatusRequest req, CancellationToken ct)
    {
        var yearbookStatus = new YearbookStatus();
        req.ApplyTo(yearbookStatus);
        db.YearbookStatuses.Add(yearbookStatus);
        await db.SaveOrConflictAsync("YearbookStatuses", "Name",
            $"A yearbook status named {yearbookStatus.Name} already exists.", ct);

        HttpContext.WriteETag(yearbookStatus);
        await Send.CreatedAtAsync("YearbookStatuses_Get", new { id = yearbookStatus.Id }, YearbookStatusResponse.From(yearbookStatus), cancellation: ct);
    }
}
