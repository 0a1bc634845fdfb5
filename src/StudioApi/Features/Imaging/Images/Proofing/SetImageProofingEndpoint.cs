using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Proofing;

public sealed class SetImageProofingRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    public ProofState ProofState { get; set; }
    public bool Favorite { get; set; }
    public bool HiddenOnline { get; set; }
    /// <summary>Clockwise degrees after the EXIF orientation: 0, 90, 180 or 270.</summary>
    public int Rotation { get; set; }
    /// <summary>Null for the full frame.</summary>
    public ImageCrop? Crop { get; set; }
    /// <summary>main or secondary only for sessions of an organization; taking one moves it from the session's image that had it.</summary>
    public YearbookRole YearbookRole { get; set; }
}

public sealed class SetImageProofingValidator : Validator<SetImageProofingRequest>
{
    public SetImageProofingValidator()
    {
        RuleFor(r => r.ProofState).IsInEnum();
        RuleFor(r => r.YearbookRole).IsInEnum();
        RuleFor(r => r.Rotation).Must(r => ImageProofing.Rotations.Contains(r)).WithMessage("Rotation is 0, 90, 180 or 270.");
        RuleFor(r => r.Crop!).SetValidator(new ImageCropValidator()).When(r => r.Crop is not null);
    }
}

public sealed class SetImageProofingEndpoint(StudioDbContext db) : Endpoint<SetImageProofingRequest, SessionImageResponse>
{
    public override void Configure()
    {
        Put("/images/{id}/proofing");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The crop does not have its aspect ratio's shape, or a yearbook image for a session without an organization.")
            .Operation("Images", "SetProofing",
                "Set an image's proofing",
                "Replaces its proof state, favorite, hidden online, rotation, crop and yearbook role."));
    }

    public override async Task HandleAsync(SetImageProofingRequest req, CancellationToken ct)
    {
        var image = await db.SessionImages.SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("image", req.Id);
        db.MatchVersion(image, req.IfMatch);
        await db.InTransactionAsync(async () =>
        {
            await ImageProofing.ApplyAsync(db, image,
                new ProofingChanges(req.ProofState, req.Favorite, req.HiddenOnline, req.Rotation, req.Crop, req.Crop is null, req.YearbookRole), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        HttpContext.WriteETag(image);
        await Send.OkAsync(SessionImageResponse.From(image), ct);
    }
}
