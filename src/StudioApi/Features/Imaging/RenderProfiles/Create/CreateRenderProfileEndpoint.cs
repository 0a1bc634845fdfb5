using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.Create;

public sealed class CreateRenderProfileRequest : RenderProfileInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateRenderProfileValidator : Validator<CreateRenderProfileRequest>
{
    public CreateRenderProfileValidator() => Include(new RenderProfileInputValidator());
}

public sealed class CreateRenderProfileEndpoint(StudioDbContext db) : Endpoint<CreateRenderProfileRequest, RenderProfileResponse>
{
    public override void Configure()
    {
        Post("/render-profiles");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderProfiles", "Create", "Create a render profile").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateRenderProfileRequest req, CancellationToken ct)
    {
        var profile = new RenderProfile();
        req.ApplyTo(profile);
        db.RenderProfiles.Add(profile);
        await db.SaveOrConflictAsync("RenderProfiles", "Name",
            $"A render profile named {profile.Name} already exists.", ct);

        HttpContext.WriteETag(profile);
        await Send.CreatedAtAsync("RenderProfiles_Get", new { id = profile.Id }, RenderProfileResponse.From(profile), cancellation: ct);
    }
}
