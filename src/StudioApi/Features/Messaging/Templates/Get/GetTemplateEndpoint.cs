using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Templates.Get;

public sealed class GetTemplateRequest
{
    public long Id { get; set; }
}

public sealed class GetTemplateEndpoint(StudioDbContext db) : Endpoint<GetTemplateRequest, TemplateResponse>
{
    public override void Configure()
    {
        Get("/templates/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Templates", "Get", "Get a template"));
    }

    public override async Task HandleAsync(GetTemplateRequest req, CancellationToken ct)
    {
        var template = await db.Set<MessageTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("template", req.Id);
        HttpContext.WriteETag(template);
        await Send.OkAsync(TemplateResponse.From(template), ct);
    }
}
