using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.ListStatuses;

public sealed class ListStatusesRequest
{
    /// <summary>The record kind whose statuses to list.</summary>
    public RecordKind? Kind { get; set; }

    /// <summary>The type whose list to read (when the kind keeps statuses by type); omit for the general list.</summary>
    public long? TypeId { get; set; }

    /// <summary>true includes the inactive statuses (default: only the active ones).</summary>
    public bool? IncludeInactive { get; set; }
}

public sealed class ListStatusesValidator : Validator<ListStatusesRequest>
{
    public ListStatusesValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.TypeId).GreaterThan(0);
    }
}

public sealed class ListStatusesEndpoint(StudioDbContext db) : Endpoint<ListStatusesRequest, StatusDefinitionListResponse>
{
    public override void Configure()
    {
        Get("/workflow/statuses");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ListStatuses", "List the statuses of one workflow in workflow order"));
    }

    public override async Task HandleAsync(ListStatusesRequest req, CancellationToken ct)
    {
        var kind = req.Kind!.Value;
        var query = db.StatusDefinitions.AsNoTracking().Where(s => s.Kind == kind && s.TypeId == req.TypeId);
        if (req.IncludeInactive != true)
            query = query.Where(s => !s.IsInactive);
        var statuses = await query.OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        await Send.OkAsync(new StatusDefinitionListResponse
        {
            Kind = kind,
            TypeId = req.TypeId,
            Items = statuses.Select(StatusDefinitionResponse.From).ToList(),
        }, ct);
    }
}
