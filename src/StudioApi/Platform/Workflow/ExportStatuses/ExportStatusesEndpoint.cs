using System.Globalization;
using CsvHelper;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.ExportStatuses;

public enum StatusExportFormat
{
    Csv,
    Xlsx,
}

public sealed class ExportStatusesRequest
{
    public RecordKind? Kind { get; set; }

    /// <summary>The type whose list to export; omit for the general list.</summary>
    public long? TypeId { get; set; }

    /// <summary>csv (the default) or xlsx.</summary>
    public StatusExportFormat? Format { get; set; }
}

public sealed class ExportStatusesValidator : Validator<ExportStatusesRequest>
{
    public ExportStatusesValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.TypeId).GreaterThan(0);
        RuleFor(r => r.Format).IsInEnum();
    }
}

/// <summary>One line of an exported status list; the property names are the column headings.</summary>
public sealed record StatusExportRow(
    int Order, string Description, int DurationBusinessDays, string? Stage, bool Initial, bool Final, bool Inactive,
    bool ChangeOnSessionDate, string? LabEvent, string Kind, long? TypeId);

public sealed class ExportStatusesEndpoint(StudioDbContext db) : Endpoint<ExportStatusesRequest>
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public override void Configure()
    {
        Get("/workflow/statuses/export");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ExportStatuses", "Download a workflow's statuses",
            "As CSV or XLSX, inactive ones included.")
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType, XlsxContentType));
    }

    public override async Task HandleAsync(ExportStatusesRequest req, CancellationToken ct)
    {
        var kind = req.Kind!.Value;
        var statuses = await db.StatusDefinitions.AsNoTracking()
            .Where(s => s.Kind == kind && s.TypeId == req.TypeId)
            .OrderBy(s => s.Order).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var rows = statuses.Select(s => new StatusExportRow(s.Order, s.Description, s.DurationBusinessDays, s.Stage?.WireName(),
            s.IsInitial, s.IsFinal, s.IsInactive, s.ChangeOnSessionDate, s.LabEvent?.WireName(), kind.WireName(), s.TypeId)).ToList();

        var name = req.TypeId is { } typeId ? $"{kind.WireName()}-type-{typeId}-statuses" : $"{kind.WireName()}-statuses";
        if (req.Format == StatusExportFormat.Xlsx)
        {
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(rows, sheetName: "Statuses", excelType: ExcelType.XLSX, cancellationToken: ct);
            await Send.BytesAsync(stream.ToArray(), $"{name}.xlsx", XlsxContentType, cancellation: ct);
            return;
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
            await csv.WriteRecordsAsync(rows, ct);
        await Send.BytesAsync(System.Text.Encoding.UTF8.GetBytes(text.ToString()), $"{name}.csv", $"{CsvContentType}; charset=utf-8", cancellation: ct);
    }
}
