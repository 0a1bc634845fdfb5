using FluentValidation;
using StudioApi.Features.Imaging.Processing;

namespace StudioApi.Features.Imaging.RenderProfiles;

/// <summary>The fields of a render profile a caller sets, shared by create and update.</summary>
public abstract class RenderProfileInput
{
    public string Name { get; set; } = "";
    /// <summary>longEdge with longEdgePx, or box with widthPx, heightPx and fit (fit | fill); the other mode's fields are ignored.</summary>
    public RenderSize? Size { get; set; }
    /// <summary>Defaults to jpeg.</summary>
    public OutputFormat Format { get; set; } = OutputFormat.Jpeg;
    /// <summary>JPEG quality 1–100, default 90 (PNG and TIFF are lossless and ignore it).</summary>
    public int Quality { get; set; } = 90;
    /// <summary>72–1200, default 300: written into the file so it prints at the intended size.</summary>
    public int Dpi { get; set; } = 300;
    /// <summary>srgb (default) or displayP3; the ICC profile is embedded in the file.</summary>
    public ColourSpace ColourSpace { get; set; } = ColourSpace.Srgb;
    public Sharpening Sharpening { get; set; } = Sharpening.None;
    /// <summary>None when absent. An image watermark's PNG is uploaded with PUT /render-profiles/{id}/watermark.</summary>
    public RenderWatermarkInput? Watermark { get; set; }
    /// <summary>Literal text and fields in braces: {sessionNumber}, {imageNumber}, {clientLastName}, {clientFirstName}, {fileNumber}, {originalName}, {profileName}, {studentId}.</summary>
    public string FileNamePattern { get; set; } = "";
    /// <summary>all (default), selected, favorites, yearbook or ordered (the images on the sessions' production orders; a run of a production order renders its lines whatever the selection).</summary>
    public RenderImageSelection Images { get; set; } = RenderImageSelection.All;
    /// <summary>Defaults to true: apply the crop set while proofing.</summary>
    public bool HonourCrops { get; set; } = true;

    public void ApplyTo(RenderProfile profile)
    {
        var size = Size!;
        profile.Name = Name.Trim();
        profile.Size = size.Mode == SizeMode.LongEdge
            ? new RenderSize { Mode = SizeMode.LongEdge, LongEdgePx = size.LongEdgePx }
            : new RenderSize { Mode = SizeMode.Box, WidthPx = size.WidthPx, HeightPx = size.HeightPx, Fit = size.Fit };
        profile.Format = Format;
        profile.Quality = Quality;
        profile.Dpi = Dpi;
        profile.ColourSpace = ColourSpace;
        profile.Sharpening = Sharpening;
        var watermark = Watermark ?? new RenderWatermarkInput();
        // The uploaded image stays with the profile whatever the kind, so switching to text and back keeps it.
        profile.Watermark = new RenderWatermark
        {
            Kind = watermark.Kind,
            Text = watermark.Kind == WatermarkKind.Text ? watermark.Text?.Trim() : null,
            Opacity = watermark.Opacity,
            Position = watermark.Position,
            Size = watermark.Size,
            ImageWidthPx = profile.Watermark.ImageWidthPx,
            ImageHeightPx = profile.Watermark.ImageHeightPx,
            ImageSizeBytes = profile.Watermark.ImageSizeBytes,
        };
        profile.FileNamePattern = FileNamePattern.Trim();
        profile.Images = Images;
        profile.HonourCrops = HonourCrops;
    }
}

public sealed class RenderWatermarkInput
{
    /// <summary>none (default), text or image.</summary>
    public WatermarkKind Kind { get; set; } = WatermarkKind.None;
    /// <summary>The text of a text watermark, e.g. PROOF or the studio's name.</summary>
    public string? Text { get; set; }
    /// <summary>0.05 (faint) to 1 (opaque), default 0.5.</summary>
    public double Opacity { get; set; } = 0.5;
    public WatermarkPosition Position { get; set; } = WatermarkPosition.BottomRight;
    /// <summary>0.02–1, default 0.1. Text: lettering height as a fraction of the picture's short edge. Image: its width as a fraction of the picture's width.</summary>
    public double Size { get; set; } = 0.1;
}

public sealed class RenderProfileInputValidator : AbstractValidator<RenderProfileInput>
{
    const int MaxEdge = 20_000;
    const long MaxBoxPixels = 100_000_000;

    public RenderProfileInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(100);
        RuleFor(p => p.Size).NotNull().WithMessage("Size is required: { \"mode\": \"longEdge\", \"longEdgePx\": 1600 } or { \"mode\": \"box\", \"widthPx\": 2400, \"heightPx\": 3000, \"fit\": \"fill\" }.");
        RuleFor(p => p.Size!).ChildRules(size =>
        {
            size.RuleFor(s => s.Mode).IsInEnum();
            size.RuleFor(s => s.Fit).IsInEnum();
            size.RuleFor(s => s.LongEdgePx).NotNull().WithMessage("longEdge mode needs longEdgePx.")
                .InclusiveBetween(16, MaxEdge).WithMessage($"longEdgePx is 16 to {MaxEdge} pixels.")
                .When(s => s.Mode == SizeMode.LongEdge);
            size.RuleFor(s => s.WidthPx).NotNull().WithMessage("box mode needs widthPx.")
                .InclusiveBetween(16, MaxEdge).WithMessage($"widthPx is 16 to {MaxEdge} pixels.")
                .When(s => s.Mode == SizeMode.Box);
            size.RuleFor(s => s.HeightPx).NotNull().WithMessage("box mode needs heightPx.")
                .InclusiveBetween(16, MaxEdge).WithMessage($"heightPx is 16 to {MaxEdge} pixels.")
                .When(s => s.Mode == SizeMode.Box);
            size.RuleFor(s => s).Must(s => (long)s.WidthPx!.Value * s.HeightPx!.Value <= MaxBoxPixels)
                .WithName("size").WithMessage("The box may be at most 100 megapixels.")
                .When(s => s.Mode == SizeMode.Box && s.WidthPx is not null && s.HeightPx is not null);
        }).When(p => p.Size is not null);
        RuleFor(p => p.Format).IsInEnum();
        RuleFor(p => p.Quality).InclusiveBetween(1, 100).WithMessage("Quality is 1 (smallest file) to 100 (best).");
        RuleFor(p => p.Dpi).InclusiveBetween(72, 1200).WithMessage("DPI is 72 to 1200.");
        RuleFor(p => p.ColourSpace).IsInEnum();
        RuleFor(p => p.Sharpening).IsInEnum();
        RuleFor(p => p.Watermark!).ChildRules(watermark =>
        {
            watermark.RuleFor(w => w.Kind).IsInEnum();
            watermark.RuleFor(w => w.Position).IsInEnum();
            watermark.RuleFor(w => w.Text).NotEmpty().WithMessage("A text watermark needs its text.")
                .When(w => w.Kind == WatermarkKind.Text);
            watermark.RuleFor(w => w.Text).MaximumLength(100);
            watermark.RuleFor(w => w.Opacity).InclusiveBetween(0.05, 1).WithMessage("Opacity is 0.05 (faint) to 1 (opaque).");
            watermark.RuleFor(w => w.Size).InclusiveBetween(0.02, 1).WithMessage("Size is a fraction from 0.02 to 1.");
        }).When(p => p.Watermark is not null);
        RuleFor(p => p.FileNamePattern).NotEmpty().MaximumLength(Processing.FileNamePattern.MaxLength);
        RuleFor(p => p.FileNamePattern).Custom((pattern, context) =>
        {
            if (!Processing.FileNamePattern.TryParse(pattern, out _, out var error))
                context.AddFailure(error);
        });
        RuleFor(p => p.Images).IsInEnum();
    }
}
