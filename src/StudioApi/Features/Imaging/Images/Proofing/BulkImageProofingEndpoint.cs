using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.Images.Proofing;

public sealed class BulkImageProofingRequest
{
    public const int MaxImages = 1000;

    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>The images to change, each with only the fields to set.</summary>
    public List<ImageProofingChange> Images { get; set; } = [];
}

/// <summary>One image's changes: a field left out (or null) stays as it is.</summary>
public sealed class ImageProofingChange
{
    public long ImageId { get; set; }
    public ProofState? ProofState { get; set; }
    public bool? Favorite { get; set; }
    public bool? HiddenOnline { get; set; }
    /// <summary>0, 90, 180 or 270; a new rotation drops the old crop unless a crop is given too.</summary>
    public int? Rotation { get; set; }
    public ImageCrop? Crop { get; set; }
    /// <summary>true goes back to the full frame.</summary>
    public bool? ClearCrop { get; set; }
    public YearbookRole? YearbookRole { get; set; }
}

public sealed class BulkImageProofingValidator : Validator<BulkImageProofingRequest>
{
    public BulkImageProofingValidator()
    {
        RuleFor(r => r.Images).NotEmpty().MaxItems(BulkImageProofingRequest.MaxImages);
        RuleForEach(r => r.Images).ChildRules(change =>
        {
            change.RuleFor(c => c.ImageId).GreaterThan(0);
            change.RuleFor(c => c.ProofState).IsInEnum();
            change.RuleFor(c => c.YearbookRole).IsInEnum();
            change.RuleFor(c => c.Rotation).Must(r => r is null || ImageProofing.Rotations.Contains(r.Value)).WithMessage("Rotation is 0, 90, 180 or 270.");
            change.RuleFor(c => c.Crop!).SetValidator(new ImageCropValidator()).When(c => c.Crop is not null);
            change.RuleFor(c => c.ClearCrop).Must(clear => clear != true).When(c => c.Crop is not null)
                .WithMessage("Give a crop or clearCrop, not both.");
        });
    }
}

public sealed class BulkImageProofingResponse
{
    /// <summary>One result per change, in request order.</summary>
    [MaxLength(BulkImageProofingRequest.MaxImages)]
    public required List<ImageProofingResult> Results { get; init; }
}

public enum ProofingOutcome
{
    Updated,
    NotFound,
    Rejected,
}

public sealed class ImageProofingResult
{
    public long ImageId { get; init; }
    public ProofingOutcome Outcome { get; init; }
    /// <summary>The image as it now is, when updated.</summary>
    public SessionImageResponse? Image { get; init; }
    /// <summary>Why the change was refused (notFound: not an image of this session; rejected: a proofing rule).</summary>
    [MaxLength(1000)]
    public string? Reason { get; init; }
}

/// <summary>
/// Proofing many images of a session at once, as a kiosk does: one transaction; each change is applied or reported
/// (an image not in the session, a crop of the wrong shape) without stopping the others. In request order, so when
/// two changes give the main yearbook role the last one keeps it.
/// </summary>
public sealed class BulkImageProofingEndpoint(StudioDbContext db) : Endpoint<BulkImageProofingRequest, BulkImageProofingResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/images/proofing");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Operation("Images", "BulkProofing",
                "Set the proofing of many images of a session",
                "Only the fields given change; a result per image.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(BulkImageProofingRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);
        var ids = req.Images.Select(c => c.ImageId).Distinct().ToList();
        var images = await db.SessionImages.Where(i => i.SessionId == req.Id && ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var results = await db.InTransactionAsync(async () =>
        {
            var results = new List<ImageProofingResult>(req.Images.Count);
            foreach (var change in req.Images)
            {
                if (!images.TryGetValue(change.ImageId, out var image))
                {
                    results.Add(new ImageProofingResult { ImageId = change.ImageId, Outcome = ProofingOutcome.NotFound, Reason = $"Session {req.Id} has no image {change.ImageId}." });
                    continue;
                }
                try
                {
                    await ImageProofing.ApplyAsync(db, image, new ProofingChanges(change.ProofState, change.Favorite, change.HiddenOnline,
                        change.Rotation, change.Crop, change.ClearCrop == true, change.YearbookRole), ct);
                    // Saved one by one, so a yearbook role given to one image is seen when the next takes it.
                    await db.SaveChangesAsync(ct);
                    results.Add(new ImageProofingResult { ImageId = image.Id, Outcome = ProofingOutcome.Updated });
                }
                catch (ApiProblem problem)
                {
                    results.Add(new ImageProofingResult { ImageId = image.Id, Outcome = ProofingOutcome.Rejected, Reason = problem.Detail });
                }
            }
            return results;
        }, ct);
        // The images as they ended up (an image changed twice shows its last state).
        await Send.OkAsync(new BulkImageProofingResponse
        {
            Results = results.Select(r => r.Outcome == ProofingOutcome.Updated
                ? new ImageProofingResult { ImageId = r.ImageId, Outcome = r.Outcome, Image = SessionImageResponse.From(images[r.ImageId]) }
                : r).ToList(),
        }, ct);
    }
}
