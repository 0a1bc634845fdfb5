using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Clients;

namespace StudioApi.Features.Imaging.GroupCapture.List;

public sealed class ListUnmatchedCapturesRequest : ListRequest
{
    public long Id { get; set; }
    /// <summary>Only files uploaded for this picture day.</summary>
    public DateOnly? PictureDate { get; set; }
}

public sealed class ListUnmatchedCapturesValidator() : ListRequestValidator<ListUnmatchedCapturesRequest, UnmatchedCapture>(ListUnmatchedCapturesEndpoint.SortKeys);

public sealed class ListUnmatchedCapturesEndpoint(StudioDbContext db) : Endpoint<ListUnmatchedCapturesRequest, Page<UnmatchedCaptureResponse>>
{
    internal static readonly SortKeys<UnmatchedCapture> SortKeys = new SortKeys<UnmatchedCapture>("createdAt")
        .Add("createdAt", c => c.CreatedAt)
        .Add("originalFileName", c => c.OriginalFileName);

    public override void Configure()
    {
        Get("/organizations/{id}/unmatched-captures");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("GroupCapture", "ListUnmatched",
            "List an organization's unmatched captures",
            "Its group-capture files that no session was found for, waiting to be assigned or discarded."));
    }

    public override async Task HandleAsync(ListUnmatchedCapturesRequest req, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == req.Id, ct))
            throw ApiProblem.NotFound("organization", req.Id);
        var query = db.UnmatchedCaptures.AsNoTracking().Where(c => c.OrganizationId == req.Id);
        if (req.PictureDate is { } day)
            query = query.Where(c => c.PictureDate == day);
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, UnmatchedCaptureResponse.From, ct), ct);
    }
}
