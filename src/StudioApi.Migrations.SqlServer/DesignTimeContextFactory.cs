using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using StudioApi.Platform.Persistence;

namespace StudioApi.Migrations.SqlServer;

/// <summary>Lets dotnet-ef build the model for SQL Server migrations; no server is contacted to add a migration.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>()
            .UseSqlServer("Server=localhost;Database=StudioApi;Trusted_Connection=True;TrustServerCertificate=True",
                sql => sql.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly))
            .Options);
}
