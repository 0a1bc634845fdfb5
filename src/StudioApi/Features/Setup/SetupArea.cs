using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup.ProductionTypes;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Promotions;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup;

/// <summary>
/// Setup (the seed's "Maintenance"): studio settings, users and sign-in, and the lists the other areas choose from
/// (relationships, session, task and production types, promotions, camera rooms and other resources,
/// outside locations). Uses only the platform.
/// </summary>
public static class SetupArea
{
    public static IServiceCollection AddSetup(this IServiceCollection services) => services;

    extension(StudioDbContext db)
    {
        public DbSet<Relationship> Relationships => db.Set<Relationship>();
        public DbSet<SessionType> SessionTypes => db.Set<SessionType>();
        public DbSet<TaskType> TaskTypes => db.Set<TaskType>();
        public DbSet<ProductionType> ProductionTypes => db.Set<ProductionType>();
        public DbSet<Promotion> Promotions => db.Set<Promotion>();
        public DbSet<Resource> Resources => db.Set<Resource>();
        public DbSet<Location> Locations => db.Set<Location>();
    }
}
