using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.List;

public sealed class ListTemplatesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }
    public TemplateKind? Kind { get; set; }
    public MergeRecordType? RecordType { get; set; }
    /// <summary>true lists only active templates (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListTemplatesValidator : ListRequestValidator<ListTemplatesRequest, MessageTemplate>
{
    public ListTemplatesValidator() : base(ListTemplatesEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(100);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.RecordType).IsInEnum();
    }
}

public sealed class ListTemplatesEndpoint(StudioDbContext db) : Endpoint<ListTemplatesRequest, Page<TemplateResponse>>
{
    internal static readonly SortKeys<MessageTemplate> SortKeys = new SortKeys<MessageTemplate>("name")
        .Add("name", t => t.Name)
        .Add("updatedAt", t => t.UpdatedAt);

    public override void Configure()
    {
        Get("/templates");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Templates", "List", "List form letters and HTML e-mails"));
    }

    public override async Task HandleAsync(ListTemplatesRequest req, CancellationToken ct)
    {
        var query = db.Set<MessageTemplate>().AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.Kind is { } kind)
            query = query.Where(t => t.Kind == kind);
        if (req.RecordType is { } recordType)
            query = query.Where(t => t.RecordType == recordType);
        if (req.Active is { } active)
            query = query.Where(t => t.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, Like.Escape));
        }
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, TemplateResponse.From, ct), ct);
    }
}
