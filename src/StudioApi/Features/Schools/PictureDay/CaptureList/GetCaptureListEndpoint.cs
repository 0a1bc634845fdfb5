using System.Globalization;
using CsvHelper;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PictureDay.CaptureList;

public sealed class GetCaptureListRequest
{
    /// <summary>The organization.</summary>
    public long Id { get; set; }
    /// <summary>Only the sessions on this day (YYYY-MM-DD); absent: all the organization's sessions.</summary>
    [QueryParam]
    public DateOnly? Date { get; set; }
}

public sealed class GetCaptureListEndpoint(StudioDbContext db) : Endpoint<GetCaptureListRequest>
{
    public const string CsvContentType = "text/csv";
    static readonly string[] Columns =
        ["Session Number", "Date", "Start Time", "Student ID", "Last Name", "First Name", "Grade", "Homeroom", "Teacher", "QR Code"];

    public override void Configure()
    {
        Get("/organizations/{id}/capture-list");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType)
            .Operation("Yearbook", "GetCaptureList", "Download a picture day's capture list as CSV",
                "One line per session of the organization (on date when given), by start time, last and first name: session "
                + "number, date, start time, student id, names, grade, homeroom, teacher, and the text of the session's capture "
                + "card QR code (STUDIOAPI-SESSION:<session id>), for the photographer's capture software."));
    }

    public override async Task HandleAsync(GetCaptureListRequest req, CancellationToken ct)
    {
        if (!await db.Set<Organization>().AnyAsync(o => o.Id == req.Id, ct))
            throw ApiProblem.NotFound("organization", req.Id);
        var subjects = await PictureDayRoster.LoadAsync(db, req.Id, req.Date, ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in Columns)
                csv.WriteField(column);
            await csv.NextRecordAsync();
            foreach (var s in subjects)
            {
                foreach (var field in new[]
                         {
                             s.SessionNumber.ToString(CultureInfo.InvariantCulture), s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                             s.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), s.StudentId, s.LastName, s.FirstName, s.Grade, s.Homeroom,
                             s.Teacher, s.Code,
                         })
                    // A cell a spreadsheet would run as a formula gets a leading apostrophe.
                    csv.WriteField(field is ['=' or '+' or '-' or '@', ..] ? "'" + field : field);
                await csv.NextRecordAsync();
            }
        }
        await Send.BytesAsync(System.Text.Encoding.UTF8.GetBytes(text.ToString()), $"capture-list-{req.Id}.csv", CsvContentType, cancellation: ct);
    }
}
