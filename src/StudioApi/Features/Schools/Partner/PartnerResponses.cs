using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Scheduling.Sessions;

namespace StudioApi.Features.Schools.Partner;

/// <summary>An organization as its partner sees it.</summary>
public sealed class PartnerOrganizationResponse
{
    public long Id { get; set; }
    [MaxLength(200)]
    public string Name { get; set; } = "";
    [MaxLength(40)]
    public string Code { get; set; } = "";

    public static PartnerOrganizationResponse From(Organization o) => new() { Id = o.Id, Name = o.Name, Code = o.Code };
}

/// <summary>A student on an organization's roster: the subject data a school keeps, not the studio's notes or billing.</summary>
public sealed class PartnerStudentResponse
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    [MaxLength(100)]
    public string? FirstName { get; set; }
    [MaxLength(100)]
    public string? LastName { get; set; }
    [MaxLength(50)]
    public string? StudentId { get; set; }
    [MaxLength(20)]
    public string? Grade { get; set; }
    [MaxLength(50)]
    public string? Homeroom { get; set; }
    [MaxLength(100)]
    public string? Teacher { get; set; }
    public int? GraduationYear { get; set; }

    public static PartnerStudentResponse From(Client c) => new()
    {
        Id = c.Id,
        OrganizationId = c.Student!.OrganizationId,
        FirstName = c.FirstName,
        LastName = c.LastName,
        StudentId = c.Student.StudentId,
        Grade = c.Student.Grade,
        Homeroom = c.Student.Homeroom,
        Teacher = c.Student.Teacher,
        GraduationYear = c.Student.GraduationYear,
    };
}

/// <summary>A student's session: when it is and whether it happened, not the studio's bookkeeping.</summary>
public sealed class PartnerSessionResponse
{
    public long Id { get; set; }
    public long StudentId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    [MaxLength(200)]
    public string? Description { get; set; }
    public bool Cancelled { get; set; }

    public static PartnerSessionResponse From(Session s) => new()
    {
        Id = s.Id, StudentId = s.ClientId, Date = s.Date, StartTime = s.StartTime, EndTime = s.EndTime,
        Description = s.Description, Cancelled = s.Cancelled,
    };
}

/// <summary>An image of a student's session, with short-lived links that work without a token.</summary>
public sealed class PartnerImageResponse
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int Number { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    [MaxLength(300)]
    public string PreviewUrl { get; set; } = "";
    [MaxLength(300)]
    public string ThumbnailUrl { get; set; } = "";
    [MaxLength(300)]
    public string OriginalUrl { get; set; } = "";
    public DateTimeOffset LinksExpireAt { get; set; }

    public static PartnerImageResponse From(SessionImage i, ImageLinks links)
    {
        var (preview, expiresAt) = links.Create(i.Id, ImageRendition.Preview);
        return new()
        {
            Id = i.Id, SessionId = i.SessionId, Number = i.Number, Width = i.Width, Height = i.Height,
            PreviewUrl = preview,
            ThumbnailUrl = links.Create(i.Id, ImageRendition.Thumbnail).Url,
            OriginalUrl = links.Create(i.Id, ImageRendition.Original).Url,
            LinksExpireAt = expiresAt,
        };
    }
}

/// <summary>A yearbook package made for one of the partner's organizations: a PSPA volume, to download once finished.</summary>
public sealed class PartnerYearbookPackageResponse
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The volume name: the zip's top folder.</summary>
    [MaxLength(11)]
    public string VolumeName { get; set; } = "";
    /// <summary>queued, running, completed, completedWithErrors, failed or cancelled; the zip is there once completed.</summary>
    public RenderRunState State { get; set; }
    /// <summary>Portraits in the package, and how many are done.</summary>
    public int Images { get; set; }
    public int Done { get; set; }
    /// <summary>Students on the roster the package has no portrait for (listed in the zip's manifest.json, with why).</summary>
    public int StudentsWithoutImage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The zip's size in bytes, once written.</summary>
    public long? ZipBytes { get; set; }
    /// <summary>GET it (with the partner's token) for the zip, once written.</summary>
    [MaxLength(100)]
    public string? ZipUrl { get; set; }

    public static PartnerYearbookPackageResponse From(RenderRun r) => new()
    {
        Id = r.Id, OrganizationId = r.Package!.OrganizationId, VolumeName = r.Package.VolumeName, State = r.State,
        Images = r.Total, Done = r.Done, StudentsWithoutImage = r.Package.StudentsWithoutImage,
        CreatedAt = r.CreatedAt, FinishedAt = r.FinishedAt,
        ZipBytes = r.ZipSha256 is null ? null : r.ZipBytes,
        ZipUrl = r.ZipSha256 is null ? null : $"/api/v1/partner/yearbook-packages/{r.Id}/zip",
    };
}
