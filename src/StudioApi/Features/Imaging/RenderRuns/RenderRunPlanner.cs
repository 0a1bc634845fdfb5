using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Makes a new run: the profile's images of each session (sessions in the order given, images by number), each named
/// by the profile's file-name pattern, unique within the run. The list is fixed here, so progress is exact and a
/// resumed run renders exactly what it was asked to.
/// </summary>
public static class RenderRunPlanner
{
    public static Task<RenderRun> PlanAsync(StudioDbContext db, RenderWorkerSignal signal, RenderProfile profile,
        IReadOnlyList<long> sessionIds, IOrderedImages ordered, string createdBy, long? renderJobId, CancellationToken ct) =>
        db.InTransactionAsync(() => PlanInTransactionAsync(db, signal, profile, sessionIds, ordered, createdBy, renderJobId, ct), ct);

    /// <summary>
    /// Makes a package run (see <see cref="RenderRunPackage"/>): the images, their paths in the zip and their index lines
    /// are the caller's (a package's layout is its own), and so is the report of the students it has no image for.
    /// </summary>
    public static Task<RenderRun> PlanPackageAsync(StudioDbContext db, RenderWorkerSignal signal, string name, RenderRunPackage package,
        IReadOnlyList<PackageImage> images, IReadOnlyList<RenderRunMissingStudent> missing, string createdBy, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            if (images.Count > RenderRunLimits.MaxImages)
                throw ApiProblem.RuleBroken($"The package has {images.Count} images; one run renders at most {RenderRunLimits.MaxImages}.");
            package.StudentsWithoutImage = missing.Count;
            var run = new RenderRun { ProfileName = name, Package = package, CreatedBy = createdBy, CreatedAt = db.UtcNow };
            return await SaveAsync(db, signal, run, images.Select(i => new RenderRunItem
            {
                ImageId = i.ImageId,
                SessionId = i.SessionId,
                SessionNumber = i.SessionNumber,
                ImageNumber = i.ImageNumber,
                OutputName = i.OutputName,
                IndexRecord = i.IndexRecord,
            }).ToList(), missing, ct);
        }, ct);

    static async Task<RenderRun> PlanInTransactionAsync(StudioDbContext db, RenderWorkerSignal signal, RenderProfile profile, IReadOnlyList<long> sessionIds,
        IOrderedImages ordered, string createdBy, long? renderJobId, CancellationToken ct)
    {
        var wanted = sessionIds.Distinct().ToList();
        var sessions = await Named(db, db.Sessions.AsNoTracking().Where(s => wanted.Contains(s.Id))).ToListAsync(ct);
        if (wanted.FirstOrDefault(id => sessions.All(s => s.Id != id)) is var missing and > 0)
            throw ApiProblem.NotFound("session", missing);

        var images = await RenderSelection.Apply(db.SessionImages.AsNoTracking().Where(i => wanted.Contains(i.SessionId)), profile.Images,
                profile.Images == RenderImageSelection.Ordered ? await ordered.ImageIdsOfSessionsAsync(wanted, ct) : [])
            .Select(i => new { i.Id, i.SessionId, i.Number, i.OriginalFileName })
            .ToListAsync(ct);

        var pattern = FileNamePattern.Parse(profile.FileNamePattern);
        var extension = FileNameSet.ExtensionOf(profile.Format);
        var names = new FileNameSet();
        var run = new RenderRun
        {
            ProfileId = profile.Id,
            ProfileName = profile.Name,
            RenderJobId = renderJobId,
            CreatedBy = createdBy,
            CreatedAt = db.UtcNow,
        };
        var items = new List<RenderRunItem>();
        foreach (var session in wanted.Select(id => sessions.Single(s => s.Id == id)))
        {
            run.Sessions.Add(new RenderRunSession { SessionId = session.Id, SessionNumber = session.Number });
            foreach (var image in images.Where(i => i.SessionId == session.Id).OrderBy(i => i.Number))
            {
                var name = pattern.Apply(session.NameValues(image.Number, image.OriginalFileName, items.Count + 1, profile.Name));
                items.Add(new RenderRunItem
                {
                    ImageId = image.Id,
                    SessionId = session.Id,
                    SessionNumber = session.Number,
                    ImageNumber = image.Number,
                    OutputName = names.Reserve(name, extension),
                });
            }
        }
        if (items.Count > RenderRunLimits.MaxImages)
            throw ApiProblem.RuleBroken($"These sessions have {items.Count} images to render; one run renders at most {RenderRunLimits.MaxImages}. Split them over several runs.");
        return await SaveAsync(db, signal, run, items, [], ct);
    }

    /// <summary>
    /// Saves the run, then its items and a package's missing students under its id, and wakes the worker once all of it
    /// commits: the worker must not see the run before its items are there with it.
    /// </summary>
    static async Task<RenderRun> SaveAsync(StudioDbContext db, RenderWorkerSignal signal, RenderRun run, List<RenderRunItem> items,
        IReadOnlyList<RenderRunMissingStudent> missing, CancellationToken ct)
    {
        run.Total = items.Count;
        db.RenderRuns.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var item in items)
            item.RunId = run.Id;
        db.RenderRunItems.AddRange(items);
        foreach (var student in missing)
            student.RunId = run.Id;
        db.RenderRunMissingStudents.AddRange(missing);
        await db.SaveChangesAsync(ct);
        db.AfterCommit(_ =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        return run;
    }

    /// <summary>Sessions with what a file name may take from them and their client (names of a client since deleted too).</summary>
    static IQueryable<NamedSession> Named(StudioDbContext db, IQueryable<Scheduling.Sessions.Session> sessions) =>
        sessions.Join(db.Clients.IgnoreQueryFilters(), s => s.ClientId, c => c.Id,
            (s, c) => new NamedSession(s.Id, s.Number, s.StudentId, c.FirstName, c.LastName));

    sealed record NamedSession(long Id, int Number, string? StudentId, string? FirstName, string? LastName)
    {
        public FileNameValues NameValues(int imageNumber, string originalFileName, int fileNumber, string profileName) => new()
        {
            SessionNumber = Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ImageNumber = imageNumber,
            ClientFirstName = FirstName,
            ClientLastName = LastName,
            FileNumber = fileNumber,
            OriginalName = Path.GetFileNameWithoutExtension(originalFileName),
            ProfileName = profileName,
            StudentId = StudentId,
        };
    }

    /// <summary>
    /// A run of a production order's ordered images: each line's image, in order, with its crop and rotation as ordered
    /// and at its print's size (inches × the profile's DPI, turned to the crop's orientation), named by the profile's
    /// pattern. The profile's selection and crop setting do not apply: the order says what is made and how it is cut.
    /// </summary>
    public static Task<RenderRun> PlanOrderAsync(StudioDbContext db, RenderWorkerSignal signal, RenderProfile profile, OrderedImageSet order,
        string createdBy, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var imageIds = order.Images.Select(i => i.ImageId).Distinct().ToList();
            // The images as they are now, recycle bin included: an order renders what was sold.
            var images = await db.SessionImages.IgnoreQueryFilters().AsNoTracking().Where(i => imageIds.Contains(i.Id))
                .Select(i => new { i.Id, i.SessionId, i.Number, i.OriginalFileName, i.Width, i.Height, i.Orientation })
                .ToDictionaryAsync(i => i.Id, ct);
            var sessionIds = images.Values.Select(i => i.SessionId).Distinct().ToList();
            var sessions = await Named(db, db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => sessionIds.Contains(s.Id)))
                .ToDictionaryAsync(s => s.Id, ct);

            var pattern = FileNamePattern.Parse(profile.FileNamePattern);
            var extension = FileNameSet.ExtensionOf(profile.Format);
            var names = new FileNameSet();
            var run = new RenderRun
            {
                ProfileId = profile.Id,
                ProfileName = profile.Name,
                ProductionOrderId = order.ProductionOrderId,
                CreatedBy = createdBy,
                CreatedAt = db.UtcNow,
            };
            foreach (var sessionId in order.SessionId is { } own ? [own] : sessionIds)
                if (sessions.TryGetValue(sessionId, out var s))
                    run.Sessions.Add(new RenderRunSession { SessionId = s.Id, SessionNumber = s.Number });
            var items = new List<RenderRunItem>();
            foreach (var line in order.Images)
            {
                if (!images.TryGetValue(line.ImageId, out var image) || !sessions.TryGetValue(image.SessionId, out var session))
                    continue; // purged since it was ordered: nothing left to render
                var name = pattern.Apply(session.NameValues(image.Number, image.OriginalFileName, items.Count + 1, profile.Name));
                var (width, height) = PrintPixels(line, profile.Dpi, UprightShape(image.Width, image.Height, image.Orientation ?? 1, line));
                items.Add(new RenderRunItem
                {
                    ImageId = image.Id,
                    SessionId = session.Id,
                    SessionNumber = session.Number,
                    ImageNumber = image.Number,
                    OutputName = names.Reserve(name, extension),
                    Rotation = line.Rotation,
                    CropX = line.Crop?.X,
                    CropY = line.Crop?.Y,
                    CropWidth = line.Crop?.Width,
                    CropHeight = line.Crop?.Height,
                    WidthPx = width,
                    HeightPx = height,
                    OrderLineId = line.LineId,
                });
            }
            return await SaveAsync(db, signal, run, items, [], ct);
        }, ct);

    /// <summary>Whether the part printed (the crop, or the whole upright, rotated frame) is wider than tall.</summary>
    static bool UprightShape(int width, int height, int orientation, OrderedImage line)
    {
        var turned = orientation is >= 5 and <= 8;
        if (line.Rotation is 90 or 270)
            turned = !turned;
        var (w, h) = turned ? (height, width) : (width, height);
        return line.Crop is { } crop ? crop.Width * w > crop.Height * h : w > h;
    }

    /// <summary>The print's pixels at the DPI, its long side along the picture's: null for a line without a print size.</summary>
    static (int? Width, int? Height) PrintPixels(OrderedImage line, int dpi, bool landscape)
    {
        if (line is not { PrintWidthInches: { } w, PrintHeightInches: { } h })
            return (null, null);
        const int MaxEdge = 20_000;
        var (shortSide, longSide) = w <= h ? (w, h) : (h, w);
        int Pixels(decimal inches) => (int)Math.Clamp(Math.Round(inches * dpi, MidpointRounding.AwayFromZero), 16, MaxEdge);
        return landscape ? (Pixels(longSide), Pixels(shortSide)) : (Pixels(shortSide), Pixels(longSide));
    }
}

/// <summary>One image of a package run: where it goes in the zip and its line of the package's index.</summary>
public sealed record PackageImage(long ImageId, long SessionId, int SessionNumber, int ImageNumber, string OutputName, string IndexRecord);
