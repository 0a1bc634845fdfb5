using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Create;

public sealed class CreatePriceListGroupRequest : PriceListGroupInput
{
    /// <summary>The price list.</summary>
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePriceListGroupValidator : Validator<CreatePriceListGroupRequest>
{
    public CreatePriceListGroupValidator() => Include(new PriceListGroupInputValidator());
}

public sealed class CreatePriceListGroupEndpoint(StudioDbContext db) : Endpoint<CreatePriceListGroupRequest, PriceListGroupResponse>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/groups");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "CreateGroup", "Add a group to a price list",
            "Placed after the list's last group; its name is unique in the list.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreatePriceListGroupRequest req, CancellationToken ct)
    {
        if (!await db.PriceLists.AnyAsync(l => l.Id == req.Id, ct))
            throw ApiProblem.NotFound("price list", req.Id);
        var group = new PriceListGroup { PriceListId = req.Id };
        req.ApplyTo(group);
        if (await db.PriceListGroups.CountAsync(g => g.PriceListId == req.Id, ct) >= Sales.PriceLists.PriceListResponse.MaxGroups)
            throw ApiProblem.RuleBroken($"A price list holds at most {Sales.PriceLists.PriceListResponse.MaxGroups} groups.");
        group.Position = (await db.PriceListGroups.IgnoreQueryFilters().Where(g => g.PriceListId == req.Id).MaxAsync(g => (int?)g.Position, ct) ?? 0) + 10;
        db.PriceListGroups.Add(group);
        await db.SaveGroupAsync(group, ct);

        HttpContext.WriteETag(group);
        await Send.CreatedAtAsync("PriceLists_GetGroup", new { id = group.Id }, PriceListGroupResponse.From(group), cancellation: ct);
    }
}
