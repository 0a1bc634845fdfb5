using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.SetWatermark;

public sealed class SetRenderProfileWatermarkRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class SetRenderProfileWatermarkEndpoint(StudioDbContext db) : Endpoint<SetRenderProfileWatermarkRequest, RenderProfileResponse>
{
    public const string ContentType = "image/png";

    public override void Configure()
    {
        Put("/render-profiles/{id}/watermark");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "SetWatermark",
                "Upload a render profile's watermark image",
                "The PNG itself as the body (image/png, at most 1 MB).")
            .AcceptsRawBody(ContentType, RenderProfileWatermarkImageLimits.MaxBytes));
    }

    public override async Task HandleAsync(SetRenderProfileWatermarkRequest req, CancellationToken ct)
    {
        if (!string.Equals(HttpContext.Request.ContentType?.Split(';')[0].Trim(), ContentType, StringComparison.OrdinalIgnoreCase))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the watermark as the body with Content-Type: image/png.");
        var png = await ReadBoundedAsync(HttpContext.Request.Body, RenderProfileWatermarkImageLimits.MaxBytes, ct)
                  ?? throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                      $"A watermark may be at most {RenderProfileWatermarkImageLimits.MaxBytes} bytes.");
        // The bytes decide, not the header.
        if (ImageInspection.Sniff(png) != ImageFormat.Png)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The body is not a PNG file.");
        var (width, height) = ReadSize(png);

        var profile = await db.RenderProfiles.SingleOrDefaultAsync(p => p.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("render profile", req.Id);
        db.MatchVersion(profile, req.IfMatch);
        // A new watermark is a change to the profile: its version moves on, so renders and caches see it. The profile
        // is written first: of two uploads racing with one version, the loser is stopped there (412) before it could
        // meet the winner's image row.
        profile.Watermark = new RenderWatermark
        {
            Kind = profile.Watermark.Kind,
            Text = profile.Watermark.Text,
            Opacity = profile.Watermark.Opacity,
            Position = profile.Watermark.Position,
            Size = profile.Watermark.Size,
            ImageWidthPx = width,
            ImageHeightPx = height,
            ImageSizeBytes = png.Length,
        };
        db.Entry(profile).State = EntityState.Modified;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            var stored = await db.RenderProfileWatermarkImages.SingleOrDefaultAsync(w => w.RenderProfileId == profile.Id, ct);
            if (stored is null)
                db.RenderProfileWatermarkImages.Add(new RenderProfileWatermarkImage { RenderProfileId = profile.Id, Png = png });
            else
                stored.Png = png;
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

        HttpContext.WriteETag(profile);
        await Send.OkAsync(RenderProfileResponse.From(profile), ct);
    }

    /// <summary>The body, or null if it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    static async Task<byte[]?> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes the PNG fully (a truncated or corrupt file is refused now, not at render time) within a pixel cap.</summary>
    static (int Width, int Height) ReadSize(byte[] png)
    {
        try
        {
            using var image = NetVips.Image.NewFromBuffer(png, failOn: NetVips.Enums.FailOn.Error);
            if ((long)image.Width * image.Height > RenderProfileWatermarkImageLimits.MaxPixels)
                throw ApiProblem.RuleBroken($"A watermark may be at most {RenderProfileWatermarkImageLimits.MaxPixels} pixels; this one is {image.Width}×{image.Height}.");
            // Decoding every pixel finds a damaged file.
            _ = image.Avg();
            return (image.Width, image.Height);
        }
        catch (NetVips.VipsException)
        {
            throw ApiProblem.RuleBroken("The PNG could not be read: it is damaged or incomplete.");
        }
    }
}
