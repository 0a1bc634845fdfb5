using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Production.LabOrders;
using StudioApi.Features.Production.LabOrders.Callbacks;
using StudioApi.Features.Production.LabOrders.Whcc;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.ProductionOrders.AutoCreation;
using StudioApi.Features.Production.ProofOrders;
using StudioApi.Features.Production.Settings;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production;

/// <summary>
/// Production: what happens once a client has ordered. Vendors (labs), production orders made from invoices by
/// production type (each type with its own workflow, on the hub's stages and in the overdue lists), their ordered
/// images and crops (rendered by the render profiles' ordered selection), proof orders of sessions, and the production
/// settings. Uses Setup, Clients, Scheduling, Imaging and Sales.
/// </summary>
public static class ProductionArea
{
    public static IServiceCollection AddProduction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowKind<ProductionOrder>(RecordKind.ProductionOrder, "production-orders", db => db.ProductionOrders,
            typeId: o => (long?)o.ProductionTypeId, visibleTo: (orders, db, user) => orders.Visible(db, user));
        services.AddScoped<ProductionOrderMaker>();
        services.AddSingleton<LabSecrets>();
        services.AddSingleton<LabFileLinks>();
        services.AddScoped<LabOrderDocuments>();
        services.Configure<LabOrderOptions>(configuration.GetSection(LabOrderOptions.Section));
        // Lab APIs: one adapter per protocol, sending on the engine, callbacks applied once.
        services.AddHttpClient(nameof(WhccOrderSubmitApi));
        services.AddScoped<WhccOrderSubmitApi>();
        services.AddScoped<ILabAdapter>(sp => sp.GetRequiredService<WhccOrderSubmitApi>());
        services.AddScoped<LabCallbackProcessor>();
        services.AddWorkQueue<LabSubmissionQueue, LabSubmission, LabSubmissionSignal>(LabSubmissionQueue.Kind, new WorkerSettings { MaxAttempts = 6 });
        services.AddScoped<ISessionDependent, ProductionSessionDependent>();
        services.AddScoped<Sales.Invoices.IInvoiceLineHolders, ProductionOrderLineHolders>();
        // What a render run of a production order renders (Imaging asks; Production knows the orders).
        services.AddScoped<IOrderedImages, ProductionOrderedImages>();

        // Orders made when an invoice reaches the chosen status: a reader of the status log, on the engine.
        services.AddScoped<IStatusChangeHandler, ProductionOrderAutoWake>();
        services.AddStreamConsumer<ProductionOrderAutoMaker, StatusLogEntry, ProductionOrderSignal>(ProductionOrderAutoMaker.Kind, new WorkerSettings(), cursor: ProductionOrderAutoMaker.Consumer);
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<Vendor> Vendors => db.Set<Vendor>();
        public DbSet<ProductionOrder> ProductionOrders => db.Set<ProductionOrder>();
        public DbSet<ProofOrder> ProofOrders => db.Set<ProofOrder>();
        public DbSet<ProductionSettings> ProductionSettings => db.Set<ProductionSettings>();
    }
}
