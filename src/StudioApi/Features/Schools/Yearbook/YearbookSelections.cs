using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Schools.Yearbook;

/// <summary>
/// A session's yearbook selection (its images' yearbook roles, who chose each and when) and the organization's view of
/// them: the approval report and the students a yearbook package covers. The rules: only sessions of an organization
/// have a selection; after the organization's deadline only the studio may choose; a choice sets the session's yearbook
/// status to the organization's <see cref="OrganizationYearbook.StatusOnSelection"/> when it names one.
/// </summary>
public sealed class YearbookSelections(StudioDbContext db, StudioCalendar calendar)
{
    public async Task<YearbookSelectionResponse> GetAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct)
                      ?? throw ApiProblem.NotFound("session", sessionId);
        var organization = await OrganizationOfAsync(session, ct);
        var chosen = await db.SessionImages.AsNoTracking()
            .Where(i => i.SessionId == sessionId && i.YearbookRole != YearbookRole.None).ToListAsync(ct);
        return Selection(session, organization, chosen);
    }

    /// <summary>Replaces the session's main and secondary image (null: none); an image that keeps its role keeps who chose it and when.</summary>
    public async Task<YearbookSelectionResponse> SelectAsync(long sessionId, long? mainImageId, long? secondaryImageId, YearbookChooser chosenBy,
        CancellationToken ct)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw ApiProblem.NotFound("session", sessionId);
        var organization = await OrganizationOfAsync(session, ct);
        if (chosenBy != YearbookChooser.Studio && organization.Yearbook.SelectionDeadline is { } deadline
            && await calendar.TodayAsync(ct) > deadline)
            throw ApiProblem.RuleBroken($"The yearbook selection deadline of {organization.Name} was {deadline:yyyy-MM-dd}; only the studio may choose now.",
                new Dictionary<string, object?> { ["selectionDeadline"] = deadline.ToString("yyyy-MM-dd") });

        var images = await db.SessionImages
            .Where(i => i.SessionId == sessionId && (i.YearbookRole != YearbookRole.None || i.Id == mainImageId || i.Id == secondaryImageId))
            .ToListAsync(ct);
        var errors = new List<(string, string)>();
        if (mainImageId is { } main && images.All(i => i.Id != main))
            errors.Add(("mainImageId", $"Session {session.Number} has no image {main}."));
        if (secondaryImageId is { } secondary && images.All(i => i.Id != secondary))
            errors.Add(("secondaryImageId", $"Session {session.Number} has no image {secondary}."));
        if (mainImageId is not null && mainImageId == secondaryImageId)
            errors.Add(("secondaryImageId", "The secondary image must be another image than the main one."));
        if (errors.Count > 0)
            throw ApiProblem.InvalidFields(errors);

        var wanted = new[] { (Role: YearbookRole.Main, ImageId: mainImageId), (Role: YearbookRole.Secondary, ImageId: secondaryImageId) };
        await db.InTransactionAsync(async () =>
        {
            // Roles taken away are saved first, so the one-per-session index never sees two holders (a swap included).
            var taken = images.Where(i => i.YearbookRole != YearbookRole.None && wanted.Single(w => w.Role == i.YearbookRole).ImageId != i.Id).ToList();
            foreach (var image in taken)
                (image.YearbookRole, image.YearbookChosenBy, image.YearbookChosenAt) = (YearbookRole.None, null, null);
            if (taken.Count > 0)
                await db.SaveChangesAsync(ct);

            var given = 0;
            foreach (var (role, imageId) in wanted)
                if (imageId is { } id && images.Single(i => i.Id == id) is var image && image.YearbookRole != role)
                {
                    (image.YearbookRole, image.YearbookChosenBy, image.YearbookChosenAt) = (role, chosenBy, db.UtcNow);
                    given++;
                }
            if ((taken.Count > 0 || given > 0) && organization.Yearbook.StatusOnSelection is { } status)
                session.YearbookStatus = status;
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return Selection(session, organization, images.Where(i => i.YearbookRole != YearbookRole.None).ToList());
    }

    /// <summary>Every student of the organization with the yearbook selection of their session (see <see cref="YearbookReportRow.SessionId"/>).</summary>
    public async Task<IReadOnlyList<YearbookStudent>> StudentsAsync(long organizationId, CancellationToken ct)
    {
        var students = await db.Clients.AsNoTracking()
            .Where(c => c.Student != null && c.Student.OrganizationId == organizationId)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Student })
            .ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId)
            .Select(s => new { s.Id, s.Number, s.ClientId, s.Date, s.YearbookStatus })
            .ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var chosen = await db.SessionImages.AsNoTracking()
            .Where(i => i.YearbookRole != YearbookRole.None && sessionIds.Contains(i.SessionId))
            .ToListAsync(ct);
        var chosenBySession = chosen.ToLookup(i => i.SessionId);
        var sessionsByClient = sessions.ToLookup(s => s.ClientId);

        return students
            .Select(student =>
            {
                var theirs = sessionsByClient[student.Id].OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).ToList();
                var session = theirs.FirstOrDefault(s => chosenBySession[s.Id].Any(i => i.YearbookRole == YearbookRole.Main)) ?? theirs.FirstOrDefault();
                var images = session is null ? [] : chosenBySession[session.Id].ToList();
                return new YearbookStudent(student.Id, student.FirstName, student.LastName, student.Student!, session?.Id, session?.Number,
                    session?.YearbookStatus, images.FirstOrDefault(i => i.YearbookRole == YearbookRole.Main),
                    images.FirstOrDefault(i => i.YearbookRole == YearbookRole.Secondary));
            })
            .OrderBy(s => s.LastName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.ClientId)
            .ToList();
    }

    public async Task<YearbookReportResponse> ReportAsync(Organization organization, bool? hasImage, CancellationToken ct)
    {
        var students = await StudentsAsync(organization.Id, ct);
        var withImage = students.Count(s => s.Main is not null);
        return new YearbookReportResponse
        {
            OrganizationId = organization.Id,
            SelectionDeadline = organization.Yearbook.SelectionDeadline,
            Students = students.Count,
            WithImage = withImage,
            WithoutImage = students.Count - withImage,
            Rows = students.Where(s => hasImage is not { } wanted || (s.Main is not null) == wanted).Select(s => new YearbookReportRow
            {
                ClientId = s.ClientId,
                FirstName = s.FirstName,
                LastName = s.LastName,
                StudentId = s.Student.StudentId,
                Grade = s.Student.Grade,
                Homeroom = s.Student.Homeroom,
                Teacher = s.Student.Teacher,
                SessionId = s.SessionId,
                SessionNumber = s.SessionNumber,
                HasImage = s.Main is not null,
                Main = YearbookChoiceResponse.Of(s.Main),
                Secondary = YearbookChoiceResponse.Of(s.Secondary),
                YearbookStatus = s.YearbookStatus,
            }).ToList(),
        };
    }

    async Task<Organization> OrganizationOfAsync(Session session, CancellationToken ct) =>
        session.OrganizationId is { } id
            ? await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == id, ct)
            : throw ApiProblem.RuleBroken($"Session {session.Number} is not a session of an organization; only those have a yearbook selection.");

    static YearbookSelectionResponse Selection(Session session, Organization organization, IReadOnlyList<SessionImage> chosen) => new()
    {
        SessionId = session.Id,
        OrganizationId = organization.Id,
        Main = YearbookChoiceResponse.Of(chosen.FirstOrDefault(i => i.YearbookRole == YearbookRole.Main)),
        Secondary = YearbookChoiceResponse.Of(chosen.FirstOrDefault(i => i.YearbookRole == YearbookRole.Secondary)),
        YearbookStatus = session.YearbookStatus,
        SelectionDeadline = organization.Yearbook.SelectionDeadline,
    };
}

/// <summary>A student of an organization and the yearbook images of the session their selection is taken from.</summary>
public sealed record YearbookStudent(long ClientId, string? FirstName, string? LastName, ClientStudent Student, long? SessionId, int? SessionNumber,
    string? YearbookStatus, SessionImage? Main, SessionImage? Secondary);
