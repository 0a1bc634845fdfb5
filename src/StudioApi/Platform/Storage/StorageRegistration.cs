using Microsoft.Extensions.Options;
using StudioApi.Platform.Background;
using StudioApi.Platform.Storage.Reconciliation;

namespace StudioApi.Platform.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The file store under the data directory, and its reconciliation with the database: on demand and on a schedule
    /// (see <see cref="StorageReconciler"/>). Each area tells which files its records expect by registering an
    /// <see cref="IStoredFileOwner"/>.
    /// </summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton<IFileStore>(new LocalFileStore(dataDirectory));
        services.AddScoped<StorageComparison>();
        services.AddSingleton(Options.Create(configuration.GetSection("Storage:Reconciliation").Get<StorageReconciliationSettings>()
                                             ?? new StorageReconciliationSettings()));
        services.AddWorkQueue<StorageReconciler, StorageReconciliation, StorageReconciliationSignal>(StorageReconciler.Kind,
            new WorkerSettings { MaxAttempts = 3 });
        services.AddScheduledJob<StorageReconciliationSchedule>(StorageReconciliationSchedule.Name, TimeSpan.FromHours(1));
        return services;
    }
}
