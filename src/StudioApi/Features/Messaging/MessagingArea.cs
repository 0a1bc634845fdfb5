using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Messaging.Batches;
using StudioApi.Features.Messaging.CallTypes;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Links;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Outbox.Bounces;
using StudioApi.Features.Messaging.Printing;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Features.Messaging.Triggers;
using StudioApi.Features.Sales.Invoices.Document;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging;

/// <summary>
/// Messaging: how the studio keeps clients informed. Templates (form letters and HTML e-mails with Liquid merge fields),
/// communications (calls, e-mails, text messages, letters; with their workflow and call types), the outbox that
/// delivers them (SMTP, an SMS provider, the print queue), public signed links, triggers, the messaging settings. Uses Setup, Clients, Scheduling and Imaging (and Sales and Production when they
/// have what a message needs: an invoice's merge fields, links and document plug in there).
/// </summary>
public static class MessagingArea
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<MessagingLinks>();
        services.AddScoped<MergeDataReader>();
        services.AddScoped<TemplateUses>();

        services.AddWorkflowKind<Communication>(RecordKind.Communication, "communications", db => db.Communications);
        services.AddScoped<MessageComposer>();
        services.AddScoped<IClientCallFlags, ClientCallFlags>();
        services.AddScoped<ISessionDependent, SessionCommunicationDependents>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxWake>();

        // The outbox, on the background-work engine (settings Background:Outbox:…), and what it delivers through.
        PdfFonts.Install(configuration["Messaging:Pdf:FontDirectory"]);
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<ISmsSender, TwilioSmsSender>();
        services.AddSingleton<SendingRateLimiter>();
        services.AddScoped<DeliveryReports>();
        // Bounces that come back later, read from the studio's bounce mailbox (POP3).
        services.AddScoped<BounceMailbox>();
        services.AddScheduledJob<BounceMailboxJob>("bounce-mailbox", TimeSpan.FromMinutes(5));
        services.AddScoped<LetterRenderer>();
        services.AddScoped<JobSheetRenderer>();
        services.AddSingleton<IInvoicePdfWriter, InvoicePdfRenderer>();
        services.AddScoped<PrintQueue>();
        services.AddWorkQueue<OutboxQueue, Communication, OutboxSignal>(OutboxQueue.Kind, new WorkerSettings { Workers = 1, MaxAttempts = 5 });
        services.AddScoped<IStoredFileOwner, PrintJobStoredFiles>();
        services.AddScoped<AttachmentMaker>();
        services.AddScoped<IStoredFileOwner, AttachmentStoredFiles>();

        // Triggers: status changes and creations from the status log (a stream consumer, Background:Triggers:…), dates
        // by a sweep every minute in the studio's time zone (Quartz), each firing once through the ledger.
        services.Configure<TriggerOptions>(configuration.GetSection(TriggerOptions.Section));
        services.AddScoped<TriggerFirer>();
        services.AddScoped<DateTriggerSweep>();
        services.AddScoped<IStatusChangeHandler, StatusTriggerWake>();
        services.AddStreamConsumer<StatusTriggerConsumer, StatusLogEntry, StatusTriggerSignal>(StatusTriggerConsumer.Kind, new WorkerSettings(),
            cursor: StatusTriggerConsumer.Cursor);
        services.AddScheduledJob<DateTriggerJob>("trigger-dates", TimeSpan.FromMinutes(1));

        // The communication wizard's batches (Background:Batches:…).
        services.AddScoped<BatchComposer>();
        services.AddWorkQueue<BatchQueue, CommunicationBatch, BatchSignal>(BatchQueue.Kind, new WorkerSettings { MaxAttempts = 5 });
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<MessageTemplate> MessageTemplates => db.Set<MessageTemplate>();
        public DbSet<MessagingSettings> MessagingSettings => db.Set<MessagingSettings>();
        public DbSet<CallType> CallTypes => db.Set<CallType>();
        public DbSet<Communication> Communications => db.Set<Communication>();
        public DbSet<DeliveryAttempt> DeliveryAttempts => db.Set<DeliveryAttempt>();
        public DbSet<PrintJob> PrintJobs => db.Set<PrintJob>();
        public DbSet<Trigger> Triggers => db.Set<Trigger>();
        public DbSet<TriggerFiring> TriggerFirings => db.Set<TriggerFiring>();
        public DbSet<CommunicationBatch> CommunicationBatches => db.Set<CommunicationBatch>();
    }
}
