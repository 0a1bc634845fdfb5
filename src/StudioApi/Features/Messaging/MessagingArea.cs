using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Links;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging;

/// <summary>
/// Messaging: how the studio keeps clients informed. Templates (form letters and HTML e-mails with Liquid merge fields)
/// and the messaging settings. Uses Setup, Clients, Scheduling and Imaging (and Sales and Production when they
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
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<MessageTemplate> MessageTemplates => db.Set<MessageTemplate>();
        public DbSet<MessagingSettings> MessagingSettings => db.Set<MessagingSettings>();
    }
}
