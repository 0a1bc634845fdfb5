using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Imaging.Images;

namespace StudioApi.Features.Schools.Yearbook;

/// <summary>One yearbook image of a session: which, who chose it and when.</summary>
public sealed class YearbookChoiceResponse
{
    public required long ImageId { get; init; }
    public required int ImageNumber { get; init; }
    /// <summary>studio, student, parent or school.</summary>
    public required YearbookChooser ChosenBy { get; init; }
    public required DateTimeOffset ChosenAt { get; init; }

    public static YearbookChoiceResponse? Of(SessionImage? image) => image is null ? null : new()
    {
        ImageId = image.Id,
        ImageNumber = image.Number,
        ChosenBy = image.YearbookChosenBy ?? YearbookChooser.Studio,
        ChosenAt = image.YearbookChosenAt ?? image.UpdatedAt,
    };
}

/// <summary>A session's yearbook selection: its main and secondary image, its yearbook status and the organization's deadline.</summary>
public sealed class YearbookSelectionResponse
{
    public required long SessionId { get; init; }
    public required long OrganizationId { get; init; }
    public YearbookChoiceResponse? Main { get; init; }
    public YearbookChoiceResponse? Secondary { get; init; }
    [MaxLength(100)]
    public string? YearbookStatus { get; init; }
    /// <summary>The last day students, parents and the school may choose (the studio may still choose after it); null for none.</summary>
    public DateOnly? SelectionDeadline { get; init; }
}

/// <summary>Who of an organization's students has a yearbook image and who has not.</summary>
public sealed class YearbookReportResponse
{
    public required long OrganizationId { get; init; }
    public DateOnly? SelectionDeadline { get; init; }
    /// <summary>Students on the roster (live clients linked to the organization).</summary>
    public required int Students { get; init; }
    /// <summary>Students with a main yearbook image.</summary>
    public required int WithImage { get; init; }
    /// <summary>Students without one: no session of the organization, no image, or no image chosen.</summary>
    public required int WithoutImage { get; init; }
    /// <summary>The students (filtered by hasImage when given), by last and first name.</summary>
    [MaxLength(YearbookLimits.MaxStudents)]
    public required IReadOnlyList<YearbookReportRow> Rows { get; init; }
}

public sealed class YearbookReportRow
{
    public required long ClientId { get; init; }
    [MaxLength(100)]
    public string? FirstName { get; init; }
    [MaxLength(100)]
    public string? LastName { get; init; }
    [MaxLength(50)]
    public string? StudentId { get; init; }
    [MaxLength(20)]
    public string? Grade { get; init; }
    [MaxLength(50)]
    public string? Homeroom { get; init; }
    [MaxLength(100)]
    public string? Teacher { get; init; }
    /// <summary>The session the selection is taken from: the latest of the organization's with a main image, else the latest; null with none.</summary>
    public long? SessionId { get; init; }
    public int? SessionNumber { get; init; }
    public required bool HasImage { get; init; }
    public YearbookChoiceResponse? Main { get; init; }
    public YearbookChoiceResponse? Secondary { get; init; }
    [MaxLength(100)]
    public string? YearbookStatus { get; init; }
}

public static class YearbookLimits
{
    /// <summary>Students one report or package covers: a big district school, well beyond one yearbook's portraits.</summary>
    public const int MaxStudents = 20_000;
}
