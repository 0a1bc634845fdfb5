using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProofOrders.ForSession;

public sealed class ListSessionProofOrdersRequest : ListRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }
}

public sealed class ListSessionProofOrdersValidator()
    : ListRequestValidator<ListSessionProofOrdersRequest, ProofOrder>(ListSessionProofOrdersEndpoint.SortKeys);

/// <summary>The session's Production tab, its proof orders: newest order date first.</summary>
public sealed class ListSessionProofOrdersEndpoint(StudioDbContext db) : Endpoint<ListSessionProofOrdersRequest, Page<ProofOrderResponse>>
{
    internal static readonly SortKeys<ProofOrder> SortKeys = new SortKeys<ProofOrder>("-orderDate")
        .Add("orderDate", o => o.OrderDate);

    public override void Configure()
    {
        Get("/sessions/{id}/proof-orders");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("ProofOrders", "ListForSession", "List a session's proof orders", "Newest order date first by default."));
    }

    public override async Task HandleAsync(ListSessionProofOrdersRequest req, CancellationToken ct)
    {
        if (!await db.Set<Session>().AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);
        var page = await db.Set<ProofOrder>().AsNoTracking().Where(o => o.SessionId == req.Id).ToPageAsync(req, SortKeys, ProofOrderResponse.From, ct);
        await Send.OkAsync(page, ct);
    }
}

public sealed class CreateProofOrderRequest : ProofOrderInput
{
    /// <summary>The session.</summary>
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateProofOrderValidator : Validator<CreateProofOrderRequest>
{
    public CreateProofOrderValidator() => Include(new ProofOrderInputValidator());
}

public sealed class CreateProofOrderEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<CreateProofOrderRequest, ProofOrderResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/proof-orders");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("ProofOrders", "Create", "Create a proof order for a session",
            "Proofs of the session's images: vendor, status, number of proofs, storage location, CD number and dates.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateProofOrderRequest req, CancellationToken ct)
    {
        var order = await db.InTransactionAsync(async () =>
        {
            // The session's row first: its delete waits for this order, which then goes to the recycle bin with it.
            await SessionRows.HoldLiveOrNotFoundAsync(db, req.Id, ct);
            await ProofOrderVendors.CheckAsync(db, req.VendorId, null, ct);
            var created = new ProofOrder { SessionId = req.Id };
            req.ApplyTo(created, await calendar.TodayAsync(ct));
            db.Set<ProofOrder>().Add(created);
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);

        HttpContext.WriteETag(order);
        await Send.CreatedAtAsync("ProofOrders_Get", new { id = order.Id }, ProofOrderResponse.From(order), cancellation: ct);
    }
}
