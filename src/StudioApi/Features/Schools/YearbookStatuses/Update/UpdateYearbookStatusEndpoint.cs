using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.Update;

public sealed class UpdateYearbookStatusRequest : YearbookStatusInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateYearbookStatusValidator : Validator<UpdateYearbookStatusRequest>
{
    public UpdateYearbookStatusValidator() => Include(new YearbookStatusInputValidator());
}

public sealed class UpdateYearbookStatusEndpoint(StudioDbContext db) : Endpoint<UpdateYearbookStatusRequest, YearbookStatusResponse>
{
    public override void Configure()
    {
        Put("/yearbook-statuses/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("YearbookStatuses", "Update", "Replace a yearbook status's fields"));
    }

    public override async Task HandleAsync(UpdateYearbookStatusRequest req, CancellationToken ct)
    {
        var yearbookStatus = await db.YearbookStatuses.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("yearbook status", req.Id);
        db.MatchVersion(yearbookStatus, req.IfMatch);
        req.ApplyTo(yearbookStatus);
        await db.SaveOrConflictAsync("YearbookStatuses", "Name",
            $"A yearbook status named {yearbookStatus.Name} already exists.", ct);

        HttpContext.WriteETag(yearbookStatus);
        await Send.OkAsync(YearbookStatusResponse.From(yearbookStatus), ct);
    }
}
