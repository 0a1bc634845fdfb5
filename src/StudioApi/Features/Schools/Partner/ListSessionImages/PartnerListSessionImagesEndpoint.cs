using FastEndpoints;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;

namespace StudioApi.Features.Schools.Partner.ListSessionImages;

public sealed class PartnerListSessionImagesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class PartnerListSessionImagesValidator()
    : ListRequestValidator<PartnerListSessionImagesRequest, SessionImage>(PartnerListSessionImagesEndpoint.SortKeys);

public sealed class PartnerListSessionImagesEndpoint(PartnerAccess access, ImageLinks links) : Endpoint<PartnerListSessionImagesRequest, Page<PartnerImageResponse>>
{
    internal static readonly SortKeys<SessionImage> SortKeys = new SortKeys<SessionImage>("number")
        .Add("number", i => i.Number);

    public override void Configure()
    {
        Get("/partner/sessions/{id}/images");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "ListSessionImages", "List a session's images",
            "Scope images:read. Each image comes with short-lived links to its preview, thumbnail and original that work without " +
            "a token. A session of another organization's student is not found (404)."));
    }

    public override async Task HandleAsync(PartnerListSessionImagesRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.ImagesRead);
        await access.EnsureSessionAsync(req.Id, ct);
        var images = access.Images().Where(i => i.SessionId == req.Id);
        await Send.OkAsync(await images.ToPageAsync(req, SortKeys, i => PartnerImageResponse.From(i, links), ct), ct);
    }
}
