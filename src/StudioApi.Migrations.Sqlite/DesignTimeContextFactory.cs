using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using StudioApi.Platform.Persistence;

namespace StudioApi.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for SQLite migrations without starting the API.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly))
            .Options);
}
