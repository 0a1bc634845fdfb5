using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging;
using StudioApi.Features.Messaging.CallTypes;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Features.Messaging.Triggers;
using StudioApi.Features.Messaging.Settings;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Seeding;

/// <summary>
/// What messaging needs before the first message: its settings record (the SMTP server from Smtp:Host and Smtp:Port
/// when the deployment gives them, as docker-compose does for its mail catcher), the call types and the communication
/// workflow, and the template triggers with their templates (seed 001: "there are quite a few template triggers already
/// setup; tweak them and make them active"), all inactive. Filled only while missing, so a studio's own edits are never
/// undone.
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
        if (!await db.MessageTemplates.IgnoreQueryFilters().AnyAsync(ct) && !await db.Triggers.IgnoreQueryFilters().AnyAsync(ct))
            await SeedTemplateTriggersAsync(db, ct);
    }

    static async Task SeedTemplateTriggersAsync(StudioDbContext db, CancellationToken ct)
    {
        MessageTemplate Template(string name, TemplateKind kind, MergeRecordType type, string? subject, string body) =>
            new() { Name = name, Kind = kind, RecordType = type, Subject = subject, Body = body, IsActive = true };
        var reminder = Template("Session reminder", TemplateKind.FormLetter, MergeRecordType.Session, "Your session on {{ session.dateText }}",
            "Dear {{ client.firstName | default: client.displayName }},\n\nthis is a reminder of your {{ session.type | default: 'photo' }} session "
            + "with {{ studio.name }} on {{ session.dateText }} at {{ session.startTimeText }}{% if session.place %} ({{ session.place }}){% endif %}.\n\n"
            + "{% unless session.confirmed %}Please confirm: {{ links.confirmation }}\n\n{% endunless %}"
            + "Questions? Call us at {{ studio.phone }}.\n\n{{ studio.name }}\n\nNo more e-mails from us: {{ links.unsubscribe }}");
        var text = Template("Session reminder (text message)", TemplateKind.FormLetter, MergeRecordType.Session, null,
            "{{ studio.name }}: see you {{ session.dateText }} at {{ session.startTimeText }}. Confirm: {{ links.confirmation }}");
        var thanks = Template("Thank you", TemplateKind.FormLetter, MergeRecordType.Session, "Thank you from {{ studio.name }}",
            "Dear {{ client.firstName | default: client.displayName }},\n\nthank you for your session with us on {{ session.dateText }}. "
            + "We will let you know as soon as your proofs are ready.\n\n{{ studio.name }}");
        var proofs = Template("Your proofs are ready", TemplateKind.HtmlEmail, MergeRecordType.Session, "Your proofs are ready",
            "<html><body style=\"font-family:Georgia,serif\"><p>Dear {{ client.firstName | default: client.displayName }},</p>"
            + "<p>The proofs of your session on {{ session.dateText }} are ready.</p>"
            + "{% if links.onlineGallery %}<p><a href=\"{{ links.onlineGallery }}\">See them online</a>{% if session.onlineEventCode %} (code {{ session.onlineEventCode }}){% endif %}.</p>{% endif %}"
            + "<p>{{ studio.name }}<br>{{ studio.phone }}</p><p style=\"font-size:small\"><a href=\"{{ links.unsubscribe }}\">Unsubscribe</a></p></body></html>");
        var welcome = Template("Welcome", TemplateKind.FormLetter, MergeRecordType.Client, "Welcome to {{ studio.name }}",
            "Dear {{ client.firstName | default: client.displayName }},\n\nthank you for choosing {{ studio.name }}. We look forward to working with you.\n\n"
            + "{{ studio.name }}\n{{ studio.phone }}\n\nNo more e-mails from us: {{ links.unsubscribe }}");
        db.MessageTemplates.AddRange(reminder, text, thanks, proofs, welcome);
        await db.SaveChangesAsync(ct);

        var followUp = await db.CallTypes.Where(t => t.Name == "Follow-up").Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        var orderReminder = await db.CallTypes.Where(t => t.Name == "Order reminder").Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        var proofsReady = await db.StatusDefinitions.Where(s => s.Kind == RecordKind.Session && s.Description == "Proofs Ready").Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        var ordered = await db.StatusDefinitions.Where(s => s.Kind == RecordKind.Session && s.Description == "Ordered").Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        static TriggerAction Send(TriggerActionKind kind, MessageTemplate template) => new() { Kind = kind, TemplateId = template.Id };
        var triggers = new List<Trigger>
        {
            new()
            {
                Name = "Session reminder e-mail, two days before", RecordKind = RecordKind.Session, Event = TriggerEvent.Date,
                DateField = TriggerDateField.SessionDate, OffsetDays = -2, TimeOfDay = new TimeOnly(9, 0), Actions = [Send(TriggerActionKind.Email, reminder)],
                Description = "Two days before each session, at 9:00, e-mail the client a reminder with the confirmation button.",
            },
            new()
            {
                Name = "Session reminder text, the day before", RecordKind = RecordKind.Session, Event = TriggerEvent.Date,
                DateField = TriggerDateField.SessionDate, OffsetDays = -1, TimeOfDay = new TimeOnly(10, 0), Actions = [Send(TriggerActionKind.Sms, text)],
                Description = "The day before each session, at 10:00, text the client.",
            },
            new()
            {
                Name = "Thank you, the day after the session", RecordKind = RecordKind.Session, Event = TriggerEvent.Date,
                DateField = TriggerDateField.SessionDate, OffsetDays = 1, TimeOfDay = new TimeOnly(10, 0), Actions = [Send(TriggerActionKind.Email, thanks)],
            },
            new()
            {
                Name = "Welcome new clients", RecordKind = RecordKind.Client, Event = TriggerEvent.Creation,
                Actions = [Send(TriggerActionKind.Email, welcome), new TriggerAction { Kind = TriggerActionKind.Call, CallTypeId = followUp, DueInDays = 7, Title = "Follow up with a new client", Position = 1 }],
            },
        };
        if (proofsReady is not null)
            triggers.Add(new Trigger
            {
                Name = "Proofs are ready", RecordKind = RecordKind.Session, Event = TriggerEvent.StatusChange, StatusId = proofsReady,
                Actions = [Send(TriggerActionKind.Email, proofs)],
            });
        if (ordered is not null)
            triggers.Add(new Trigger
            {
                Name = "Order overdue: call the client", RecordKind = RecordKind.Session, Event = TriggerEvent.Date, DateField = TriggerDateField.StatusDueDate,
                OffsetDays = 1, TimeOfDay = new TimeOnly(9, 0), ConditionStatusIds = [ordered.Value],
                Actions = [new TriggerAction { Kind = TriggerActionKind.Call, CallTypeId = orderReminder, DueInDays = 0, Title = "The order is past its due date" }],
            });
        foreach (var trigger in triggers)
            trigger.IsActive = false; // templates to tweak: none fires until the studio makes it active
        db.Triggers.AddRange(triggers);
        await db.SaveChangesAsync(ct);
    }
}
