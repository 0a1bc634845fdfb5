using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.List;

public sealed class ListPartnerClientsRequest : ListRequest;

public sealed class ListPartnerClientsValidator() : ListRequestValidator<ListPartnerClientsRequest, PartnerClient>(ListPartnerClientsEndpoint.SortKeys);

public sealed class ListPartnerClientsEndpoint(StudioDbContext db) : Endpoint<ListPartnerClientsRequest, Page<PartnerClientResponse>>
{
    internal static readonly SortKeys<PartnerClient> SortKeys = new SortKeys<PartnerClient>("name")
        .Add("name", c => c.Name)
        .Add("createdAt", c => c.CreatedAt);

    public override void Configure()
    {
        Get("/partner-clients");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "List", "List partner API clients"));
    }

    public override async Task HandleAsync(ListPartnerClientsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await db.PartnerClients.AsNoTracking().ToPageAsync(req, SortKeys, PartnerClientResponse.From, ct), ct);
}
