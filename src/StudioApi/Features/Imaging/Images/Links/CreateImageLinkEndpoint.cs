using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Links;

public sealed class CreateImageLinkRequest
{
    public long Id { get; set; }
    /// <summary>original, preview or thumbnail.</summary>
    public ImageRendition? Rendition { get; set; }
}

public sealed class CreateImageLinkValidator : Validator<CreateImageLinkRequest>
{
    public CreateImageLinkValidator()
    {
        RuleFor(r => r.Rendition).NotNull();
    }
}

public sealed class ImageLinkResponse
{
    /// <summary>Works without an Authorization header (for an &lt;img&gt; tag) until expiresAt; relative to the API's origin.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(300)]
    public required string Url { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

public sealed class CreateImageLinkEndpoint(StudioDbContext db, ImageLinks links) : Endpoint<CreateImageLinkRequest, ImageLinkResponse>
{
    public override void Configure()
    {
        Post("/images/{id}/links");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Images", "CreateLink",
            "Create a signed link to an image file",
            "A short-lived URL to the original, preview or thumbnail that works without a token (for <img> tags)."));
    }

    public override async Task HandleAsync(CreateImageLinkRequest req, CancellationToken ct)
    {
        if (!await db.SessionImages.AnyAsync(i => i.Id == req.Id, ct))
            throw ApiProblem.NotFound("image", req.Id);
        var (url, expiresAt) = links.Create(req.Id, req.Rendition!.Value);
        await Send.OkAsync(new ImageLinkResponse { Url = url, ExpiresAt = expiresAt }, ct);
    }
}
