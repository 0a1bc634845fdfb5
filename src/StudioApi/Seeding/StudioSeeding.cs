namespace StudioApi.Seeding;

/// <summary>
/// First-start data: the admin account, the studio settings and reference data (setup lists) always, the demo studio
/// when Seed:DemoData is on (the default) and the database is new.
/// </summary>
public static class StudioSeeding
{
    /// <summary>Seeds what is missing; answers the administrator it created (on a new database), so the start can show how to sign in.</summary>
    public static async Task<CreatedAdministrator?> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var administrator = await AdminAccount.EnsureAsync(provider, ct);
        await ReferenceData.SeedAsync(provider, ct);
        var demo = provider.GetRequiredService<IConfiguration>().GetValue("Seed:DemoData", true);
        await StudioSettingsDefaults.EnsureAsync(provider, demo ? DemoStudio.Settings : StudioSettingsDefaults.Create, ct);
        await MessagingReferenceData.SeedAsync(provider, ct);
        if (demo)
            await DemoStudio.SeedAsync(provider, ct);
        await ReferenceData.StartRecordsWithoutStatusAsync(provider, ct);
        return administrator;
    }
}
