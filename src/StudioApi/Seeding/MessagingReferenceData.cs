using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.CallTypes;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Seeding;

/// <summary>
/// What messaging needs before the first message: its settings record (the SMTP server from Smtp:Host and Smtp:Port
/// when the deployment gives them, as docker-compose does for its mail catcher), the call types and the communication
/// workflow. Filled only while missing, so a studio's own edits are never undone.
/// </summary>
public static class MessagingReferenceData
{
    static readonly string[] CallTypeNames = ["Follow-up", "Order reminder", "Schedule a session", "Balance due", "Thank you"];

    /// <summary>A call or message to deal with is done within two business days.</summary>
    static readonly (string Description, int Days)[] CommunicationStatuses = [("To do", 2), ("Done", 0)];

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
        if (!await db.CallTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.CallTypes.AddRange(CallTypeNames.Select((name, i) => new CallType { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.StatusDefinitions.IgnoreQueryFilters().AnyAsync(s => s.Kind == RecordKind.Communication, ct))
        {
            db.StatusDefinitions.AddRange(CommunicationStatuses.Select((s, i) => new StatusDefinition
            {
                Kind = RecordKind.Communication,
                Description = s.Description,
                Order = (i + 1) * 10,
                DurationBusinessDays = s.Days,
                IsInitial = i == 0,
                IsFinal = i == CommunicationStatuses.Length - 1,
            }));
            await db.SaveChangesAsync(ct);
        }
    }
}
