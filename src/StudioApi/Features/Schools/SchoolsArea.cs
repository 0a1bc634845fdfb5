using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Schools.Partner;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Features.Schools.Rosters;
using StudioApi.Features.Schools.Yearbook;
using StudioApi.Features.Schools.YearbookStatuses;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools;

/// <summary>
/// Schools: school partners' API clients (OAuth2 client credentials, scoped to their organizations) and what they may
/// reach of their organizations' rosters, sessions and images; OneRoster roster imports. Uses Setup, Clients, Scheduling and Imaging.
/// </summary>
public static class SchoolsArea
{
    public static IServiceCollection AddSchools(this IServiceCollection services)
    {
        services.AddSingleton<PartnerTokenIssuer>();
        services.AddScoped<IApiClientCheck, PartnerClientCheck>();
        services.AddScoped<PartnerAccess>();
        services.AddScoped<RosterAccess>();
        services.AddScoped<OneRosterImporter>();
        services.AddScoped<RosterImportQueue>();
        services.AddWorkQueue<RosterImportWorker, RosterImport, RosterImportSignal>(RosterImportWorker.Kind, new WorkerSettings());
        services.AddScoped<YearbookAccess>();
        services.AddScoped<YearbookSelections>();
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<PartnerClient> PartnerClients => db.Set<PartnerClient>();
        public DbSet<RosterImport> RosterImports => db.Set<RosterImport>();
        public DbSet<RosterLink> RosterLinks => db.Set<RosterLink>();
        public DbSet<RosterImportUpload> RosterImportUploads => db.Set<RosterImportUpload>();
        public DbSet<YearbookStatus> YearbookStatuses => db.Set<YearbookStatus>();
    }
}
