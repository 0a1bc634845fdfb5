using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers.List;

public sealed class ListTriggersRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }
    public RecordKind? RecordKind { get; set; }
    public TriggerEvent? Event { get; set; }
    /// <summary>true: only active triggers; false: only inactive ones (the seeded templates wait there).</summary>
    public bool? Active { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListTriggersValidator : ListRequestValidator<ListTriggersRequest, Trigger>
{
    public ListTriggersValidator() : base(ListTriggersEndpoint.SortKeys)
    {
        RuleFor(r => r.Q).MaximumLength(100);
        RuleFor(r => r.RecordKind).IsInEnum();
        RuleFor(r => r.Event).IsInEnum();
    }
}

public sealed class ListTriggersEndpoint(StudioDbContext db) : Endpoint<ListTriggersRequest, Page<TriggerResponse>>
{
    internal static readonly SortKeys<Trigger> SortKeys = new SortKeys<Trigger>("name").Add("name", t => t.Name).Add("updatedAt", t => t.UpdatedAt);

    public override void Configure()
    {
        Get("/triggers");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Triggers", "List", "List triggers"));
    }

    public override async Task HandleAsync(ListTriggersRequest req, CancellationToken ct)
    {
        var query = db.Triggers.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.RecordKind is { } kind)
            query = query.Where(t => t.RecordKind == kind);
        if (req.Event is { } @event)
            query = query.Where(t => t.Event == @event);
        if (req.Active is { } active)
            query = query.Where(t => t.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, Like.Escape));
        }
        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, TriggerResponse.From, ct), ct);
    }
}
