using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.Images.List;

public sealed class ListSessionImagesRequest : ListRequest
{
    public long Id { get; set; }

    /// <summary>Only images in this rendition state.</summary>
    public RenditionState? RenditionState { get; set; }

    public ProofState? ProofState { get; set; }
    public bool? Favorite { get; set; }
    /// <summary>Only images with this yearbook role (none lists those without one).</summary>
    public YearbookRole? YearbookRole { get; set; }

    /// <summary>true lists the session's images in the recycle bin instead of the live ones.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListSessionImagesValidator() : ListRequestValidator<ListSessionImagesRequest, SessionImage>(ListSessionImagesEndpoint.SortKeys);

public sealed class ListSessionImagesEndpoint(StudioDbContext db) : Endpoint<ListSessionImagesRequest, Page<SessionImageResponse>>
{
    internal static readonly SortKeys<SessionImage> SortKeys = new SortKeys<SessionImage>("number")
        .Add("number", i => i.Number)
        // Images without a capture time first (a null key would end the paging at them).
        .Add("captureTime", i => i.CaptureTime ?? "")
        .Add("createdAt", i => i.CreatedAt);

    public override void Configure()
    {
        Get("/sessions/{id}/images");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Images", "List", "List a session's images",
            "In import order, with their rendition state and proofing; filter by proof state, favorite and yearbook role."));
    }

    public override async Task HandleAsync(ListSessionImagesRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);

        var query = db.SessionImages.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(i => i.DeletedAt != null);
        query = query.Where(i => i.SessionId == req.Id);
        if (req.RenditionState is { } state)
            query = query.Where(i => i.RenditionState == state);
        if (req.ProofState is { } proof)
            query = query.Where(i => i.ProofState == proof);
        if (req.Favorite is { } favorite)
            query = query.Where(i => i.Favorite == favorite);
        if (req.YearbookRole is { } role)
            query = query.Where(i => i.YearbookRole == role);
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, SessionImageResponse.From, ct), ct);
    }
}
