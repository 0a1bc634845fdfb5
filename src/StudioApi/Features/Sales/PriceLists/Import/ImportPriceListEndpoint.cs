using FastEndpoints;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Import;

public sealed class ImportPriceListRequest
{
    /// <summary>The price list.</summary>
    public long Id { get; set; }

    /// <summary>true only reports what the import would create, update, leave alone and refuse; nothing is written.</summary>
    [QueryParam]
    public bool? DryRun { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class ImportPriceListEndpoint(PriceListImporter importer, IOptions<PriceListImportOptions> options)
    : Endpoint<ImportPriceListRequest, PriceListImportReport>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/import");
        Roles(Platform.Auth.Roles.FrontDesk);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(d => d
            .AcceptsFiles("file", 1, "One price list: CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or XLSX, judged by its content. "
                                     + "A heading row, then one row per item; the columns are those of GET /price-lists/{id}/export.")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The file is over PriceListImport:MaxFileBytes (default 5 MB).")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not multipart, or the file is neither CSV text nor an XLSX workbook (an old .xls, a PDF, an image).")
            .Answers(StatusCodes.Status422UnprocessableEntity,
                "Nothing was imported: a heading is unknown or missing, the file has no rows or too many, or a row was refused; the problem's report lists each refused cell.")
            .Operation("PriceLists", "Import", "Import a spreadsheet into a price list",
                "Rows are matched to items by code (any case): new codes are created, known ones updated, identical rows left alone. "
                + "A column left out keeps each item's value. All or nothing: one refused row and nothing is written (422 with "
                + "the report). With dryRun=true it answers the report of what it would do, refusals included, and writes nothing.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(ImportPriceListRequest req, CancellationToken ct)
    {
        var file = await PriceListUpload.ReadAsync(HttpContext, options.Value, ct);
        var report = await importer.ImportAsync(req.Id, file, req.DryRun == true, ct);
        await Send.OkAsync(report, ct);
    }
}
