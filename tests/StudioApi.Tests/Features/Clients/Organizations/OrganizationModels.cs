namespace StudioApi.Tests.Features.Clients.Organizations;

public sealed record OrganizationBody(long Id, int Version, string Name, string Code, string CreatedBy, DateTimeOffset? DeletedAt);

public sealed record OrganizationPage(List<OrganizationBody> Items, string? NextCursor);

public static class OrganizationRequests
{
    public static object New(string name, string code) => new
    {
        name,
        code,
        address = new { line1 = "1 Main St", city = "Springfield", region = "IL", postalCode = "62704", country = "US" },
        contacts = new[] { new { name = "Dana Whitfield", role = "Yearbook adviser", email = "dana@school.example" } },
        yearbookImageSpec = new { widthPx = 640, heightPx = 800, dpi = 300, fileNamePattern = "{studentId}" },
    };
}
