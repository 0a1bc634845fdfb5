using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Create;

public sealed class CreatePriceListRequest : PriceListInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePriceListValidator : Validator<CreatePriceListRequest>
{
    public CreatePriceListValidator() => Include(new PriceListInputValidator());
}

public sealed class CreatePriceListEndpoint(StudioDbContext db) : Endpoint<CreatePriceListRequest, PriceListResponse>
{
    public override void Configure()
    {
        Post("/price-lists");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The name is taken, or another list already has one of its uses (listed in taken).")
            .Operation("PriceLists", "Create", "Create a price list",
                "Empty; add groups and items, copy another list, or import a spreadsheet into it. Its uses (a channel's "
                + "default, session types, organizations) say which sessions sell from it.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreatePriceListRequest req, CancellationToken ct)
    {
        (await PriceListUses.CheckReferencesAsync(db, req, ct)).ForEach(AddError);
        ThrowIfAnyErrors();
        var list = new PriceList();
        req.ApplyTo(list);
        await PriceListUses.ThrowIfTakenAsync(db, 0, list.Assignments, ct);
        db.PriceLists.Add(list);
        await db.SavePriceListAsync(list, ct);

        HttpContext.WriteETag(list);
        await Send.CreatedAtAsync("PriceLists_Get", new { id = list.Id }, await PriceListResponse.OneAsync(db, list, ct), cancellation: ct);
    }
}
