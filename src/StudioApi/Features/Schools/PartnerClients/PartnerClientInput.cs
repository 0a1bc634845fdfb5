using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients;

/// <summary>The fields an administrator sets on a partner client.</summary>
public class PartnerClientInput
{
    public const int MaxOrganizations = 100;
    public const int MaxScopes = 12;

    /// <summary>Who the client is for (the school or the yearbook company).</summary>
    public string Name { get; set; } = "";

    /// <summary>The organizations whose records the client may reach; the only ones.</summary>
    [MaxLength(MaxOrganizations)]
    public List<long> OrganizationIds { get; set; } = [];

    /// <summary>What it may do: roster:read, roster:write, sessions:read, images:read, yearbook:read, yearbook:write.</summary>
    [MaxLength(MaxScopes)]
    public List<string> Scopes { get; set; } = [];

    /// <summary>Copies the fields onto the client, once the organizations are known to exist (else a 400 naming them).</summary>
    public async Task ApplyToAsync(PartnerClient client, StudioDbContext db, CancellationToken ct)
    {
        var wanted = OrganizationIds.Distinct().ToList();
        var found = await db.Set<Features.Clients.Organizations.Organization>().Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (wanted.Except(found).FirstOrDefault() is var missing and > 0)
            throw ApiProblem.InvalidInput("organizationIds", $"There is no organization {missing}.");

        client.Name = Name.Trim();
        client.Scopes = PartnerScopes.Normalize(Scopes);
        client.Organizations.RemoveAll(o => !wanted.Contains(o.OrganizationId));
        foreach (var id in wanted.Where(id => client.Organizations.All(o => o.OrganizationId != id)))
            client.Organizations.Add(new PartnerClientOrganization { OrganizationId = id });
    }
}

public sealed class PartnerClientInputValidator : AbstractValidator<PartnerClientInput>
{
    public PartnerClientInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.OrganizationIds).NotEmpty().Must(ids => ids.Count <= PartnerClientInput.MaxOrganizations)
            .WithMessage($"At most {PartnerClientInput.MaxOrganizations} organizations.");
        RuleForEach(r => r.OrganizationIds).GreaterThan(0);
        RuleFor(r => r.Scopes).NotEmpty().Must(s => s.Count <= PartnerClientInput.MaxScopes).WithMessage($"At most {PartnerClientInput.MaxScopes} scopes.");
        RuleForEach(r => r.Scopes).NotNull().Must(s => PartnerScopes.All.Contains(s))
            .WithMessage($"Scopes are {string.Join(", ", PartnerScopes.All)}.");
    }
}
