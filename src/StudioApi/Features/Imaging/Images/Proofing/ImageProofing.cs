using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.Images.Proofing;

/// <summary>A crop: a rectangle of the upright, rotated image in fractions of its width and height (0–1).</summary>
public sealed class ImageCrop
{
    public double X { get; set; }
    public double Y { get; set; }
    public double Width { get; set; }
    public double Height { get; set; }
    /// <summary>The print ratio the crop is for, width:height such as "4:5" (an 8x10); either orientation fits. Null for a free crop.</summary>
    public string? AspectRatio { get; set; }

    public static ImageCrop? Of(SessionImage image) =>
        image is { CropX: { } x, CropY: { } y, CropWidth: { } width, CropHeight: { } height }
            ? new ImageCrop { X = x, Y = y, Width = width, Height = height, AspectRatio = image.CropAspectRatio }
            : null;

    /// <summary>The ratio as a number (width / height), or null when the text is not two positive numbers around a colon.</summary>
    public static double? ParseRatio(string? text)
    {
        var parts = (text ?? "").Split(':');
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w)
               && double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h)
               && w > 0 && h > 0
            ? w / h
            : null;
    }
}

public sealed class ImageCropValidator : AbstractValidator<ImageCrop>
{
    // Rounding in a client's arithmetic must not turn a crop to the edge into an error.
    const double Slack = 1e-6;

    public ImageCropValidator()
    {
        RuleFor(c => c.X).InclusiveBetween(0, 1);
        RuleFor(c => c.Y).InclusiveBetween(0, 1);
        RuleFor(c => c.Width).GreaterThan(0).LessThanOrEqualTo(1)
            .Must((c, width) => c.X + width <= 1 + Slack).WithMessage("The crop must end within the image: x + width at most 1.");
        RuleFor(c => c.Height).GreaterThan(0).LessThanOrEqualTo(1)
            .Must((c, height) => c.Y + height <= 1 + Slack).WithMessage("The crop must end within the image: y + height at most 1.");
        RuleFor(c => c.AspectRatio).MaximumLength(SessionImageLimits.AspectRatioLength)
            .Must(r => ImageCrop.ParseRatio(r) is not null).When(c => c.AspectRatio is not null)
            .WithMessage("The aspect ratio is width:height, such as 4:5 or 2:3.");
    }
}

/// <summary>Proofing fields to set on one image; null leaves a field as it is.</summary>
public sealed record ProofingChanges(
    ProofState? ProofState, bool? Favorite, bool? HiddenOnline, int? Rotation, ImageCrop? Crop, bool ClearCrop, YearbookRole? YearbookRole,
    YearbookChooser ChosenBy = YearbookChooser.Studio);

/// <summary>
/// The rules of proofing, shared by the one-image and the many-images endpoints: a crop must have the shape of its
/// aspect ratio in the image's upright, rotated frame; yearbook images only in organization sessions, one main and one
/// secondary per session (setting one moves it from the image that had it).
/// </summary>
public static class ImageProofing
{
    public static readonly int[] Rotations = [0, 90, 180, 270];

    /// <summary>How far the crop's pixel shape may be from its ratio: cameras and print sizes never agree exactly.</summary>
    const double RatioTolerance = 0.01;

    /// <summary>Checks the changes against the image and applies them; throws a 422 <see cref="ApiProblem"/> and changes nothing when a rule is broken.</summary>
    public static async Task ApplyAsync(StudioDbContext db, SessionImage image, ProofingChanges changes, CancellationToken ct)
    {
        var rotation = changes.Rotation ?? image.Rotation;
        // A crop is drawn on the rotated frame: turning the image makes an old crop meaningless, so it goes unless a new one comes.
        var crop = changes.ClearCrop ? null
            : changes.Crop ?? (rotation != image.Rotation ? null : ImageCrop.Of(image));
        if (crop is not null && CropMismatch(image, rotation, crop) is { } mismatch)
            throw ApiProblem.RuleBroken(mismatch);

        if (changes.YearbookRole is { } role && role != image.YearbookRole && role != YearbookRole.None)
        {
            var organizationId = await db.Sessions.Where(s => s.Id == image.SessionId).Select(s => s.OrganizationId).SingleOrDefaultAsync(ct);
            if (organizationId is null)
                throw ApiProblem.RuleBroken("Yearbook images are chosen only for sessions of an organization; this session has none.");
            // Saved before the image takes the role, so the one-per-session index never sees two at once.
            var holders = await db.SessionImages.Where(i => i.SessionId == image.SessionId && i.YearbookRole == role && i.Id != image.Id).ToListAsync(ct);
            foreach (var holder in holders)
                (holder.YearbookRole, holder.YearbookChosenBy, holder.YearbookChosenAt) = (YearbookRole.None, null, null);
            if (holders.Count > 0)
                await db.SaveChangesAsync(ct);
        }

        image.ProofState = changes.ProofState ?? image.ProofState;
        image.Favorite = changes.Favorite ?? image.Favorite;
        image.HiddenOnline = changes.HiddenOnline ?? image.HiddenOnline;
        image.Rotation = rotation;
        if (changes.YearbookRole is { } newRole && newRole != image.YearbookRole)
            (image.YearbookChosenBy, image.YearbookChosenAt) = newRole == YearbookRole.None
                ? ((YearbookChooser?)null, (DateTime?)null)
                : (changes.ChosenBy, db.UtcNow);
        image.YearbookRole = changes.YearbookRole ?? image.YearbookRole;
        (image.CropX, image.CropY, image.CropWidth, image.CropHeight, image.CropAspectRatio) =
            (crop?.X, crop?.Y, crop?.Width, crop?.Height, crop?.AspectRatio);
    }

    /// <summary>Why the crop does not have its ratio's shape on this image, or null when it does (or has no ratio).</summary>
    public static string? CropMismatch(SessionImage image, int rotation, ImageCrop crop)
    {
        if (ImageCrop.ParseRatio(crop.AspectRatio) is not { } ratio)
            return null;
        var (width, height) = image.UprightSize(rotation);
        var shape = crop.Width * width / (crop.Height * height);
        bool Near(double target) => Math.Abs(shape - target) / target <= RatioTolerance;
        return Near(ratio) || Near(1 / ratio)
            ? null
            : $"The crop is {crop.Width * width:0} × {crop.Height * height:0} pixels of the {width} × {height} upright image, "
              + $"a shape of {shape:0.###}, not {crop.AspectRatio} (within 1%, either orientation).";
    }
}
