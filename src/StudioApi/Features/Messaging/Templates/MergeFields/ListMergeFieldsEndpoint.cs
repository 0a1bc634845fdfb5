using FastEndpoints;
using FluentValidation;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Messaging.Templates.MergeFields;

public sealed class ListMergeFieldsRequest
{
    /// <summary>client or session.</summary>
    public MergeRecordType RecordType { get; set; }
}

public sealed class ListMergeFieldsValidator : Validator<ListMergeFieldsRequest>
{
    public ListMergeFieldsValidator()
    {
        RuleFor(r => r.RecordType).IsInEnum();
    }
}

public sealed class MergeFieldResponse
{
    /// <summary>As written in a template: client.firstName, client.familyMembers (a list: loop over it).</summary>
    public required string Path { get; init; }
    /// <summary>text, number, yesNo, object or list.</summary>
    public required string Type { get; init; }
    public required string Description { get; init; }
}

public sealed class MergeFieldListResponse
{
    /// <summary>Every merge field of the record type (a fixed list, well under the limit).</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(500)]
    public required IReadOnlyList<MergeFieldResponse> Items { get; init; }
}

public sealed class ListMergeFieldsEndpoint : Endpoint<ListMergeFieldsRequest, MergeFieldListResponse>
{
    public override void Configure()
    {
        Get("/templates/merge-fields");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Templates", "ListMergeFields", "List the merge fields of a record type",
            "Every field a template of the record type can merge, as written in Liquid ({{ client.firstName }}). "
            + "Items of a list are named by the list's path (loop: {% for m in client.familyMembers %}{{ m.firstName }}{% endfor %})."));
    }

    public override async Task HandleAsync(ListMergeFieldsRequest req, CancellationToken ct) =>
        await Send.OkAsync(new MergeFieldListResponse
        {
            Items = MergeCatalogue.FieldsFor(req.RecordType)
                .Select(f => new MergeFieldResponse { Path = f.Path, Type = f.Type, Description = f.Description }).ToList(),
        }, ct);
}
