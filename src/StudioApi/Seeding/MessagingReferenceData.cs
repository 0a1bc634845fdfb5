using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// What messaging needs before the first message: its settings record (the SMTP server from Smtp:Host and Smtp:Port
/// when the deployment gives them, as docker-compose does for its mail catcher). Filled only while missing, so a
/// studio's own edits are never undone.
/// </summary>
public static class MessagingReferenceData
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (!await db.MessagingSettings.IgnoreQueryFilters().AnyAsync(ct))
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var studio = await db.StudioSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            db.MessagingSettings.Add(new MessagingSettings
            {
                SenderName = studio?.Name ?? "",
                SenderEmail = studio?.Email,
                SmtpHost = configuration["Smtp:Host"],
                SmtpPort = configuration.GetValue("Smtp:Port", 25),
                SmtpTlsMode = configuration["Smtp:Host"] is null ? SmtpTlsMode.Auto : SmtpTlsMode.None,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
