using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production;
using StudioApi.Features.Production.Settings;
using StudioApi.Features.Setup.ProductionTypes;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Setup;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.PaymentMethods;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Platform.Http;

namespace StudioApi.Seeding;

/// <summary>
/// The setup lists every studio needs before it can enter its first client, demo data or not. Each list is
/// filled only while it is empty (counting the recycle bin), so a studio's own edits are never undone.
/// </summary>
public static class ReferenceData
{
    static readonly string[] RelationshipNames = ["Mother", "Father", "Guardian", "Spouse", "Child", "Sibling", "Grandparent", "Other"];

    /// <summary>
    /// Lengths are starting guesses to edit. A school picture day is the studio's own organization work (a whole day
    /// at the school), not something a client books; the sessions issue adds the online-booking flag that says so.
    /// </summary>
    static readonly (string Name, SessionStyle Style, int Minutes)[] SessionTypeDefaults =
    [
        ("Portrait", SessionStyle.Portrait, 60),
        ("Family", SessionStyle.Portrait, 60),
        ("Senior", SessionStyle.Portrait, 90),
        ("School Picture Day", SessionStyle.Organization, 480),
        ("Event", SessionStyle.SocialEvent, 240),
    ];

    static readonly string[] ProductionTypeNames = ["Prints", "Frames", "Albums", "Digital"];

    static readonly string[] TaskTypeNames = ["Customer Service", "Retouch Request", "Reprint", "Complaint"];

    /// <summary>The ways clients pay a studio (seed: Maintenance > Invoice > Payment Methods); a check and a gift certificate carry their number.</summary>
    static readonly (string Name, PaymentMethodKind Kind, bool RequiresReference)[] PaymentMethodDefaults =
    [
        ("Cash", PaymentMethodKind.Cash, false),
        ("Check", PaymentMethodKind.Check, true),
        ("Visa", PaymentMethodKind.Card, false),
        ("Mastercard", PaymentMethodKind.Card, false),
        ("American Express", PaymentMethodKind.Card, false),
        ("Discover", PaymentMethodKind.Card, false),
        ("Gift Certificate", PaymentMethodKind.GiftCertificate, true),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (!await db.Relationships.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.Relationships.AddRange(RelationshipNames.Select((name, i) => new Relationship { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.SessionTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.SessionTypes.AddRange(SessionTypeDefaults.Select((t, i) => new SessionType
                { Name = t.Name, Style = t.Style, DefaultLengthMinutes = t.Minutes, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.ProductionTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.ProductionTypes.AddRange(ProductionTypeNames.Select((name, i) => new ProductionType { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.TaskTypes.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.TaskTypes.AddRange(TaskTypeNames.Select((name, i) => new TaskType { Name = name, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }

        if (!await db.PaymentMethods.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.PaymentMethods.AddRange(PaymentMethodDefaults.Select((m, i) => new PaymentMethod
                { Name = m.Name, Kind = m.Kind, RequiresReference = m.RequiresReference, SortOrder = (i + 1) * 10 }));
            await db.SaveChangesAsync(ct);
        }
        // The tax settings record: no rates until the studio gives its own (an existing studio's rate was moved in by a migration).
        if (!await db.SalesTaxSettings.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.SalesTaxSettings.Add(new SalesTaxSettings());
            await db.SaveChangesAsync(ct);
        }

        await SeedWorkflowAsync(db, RecordKind.Client, ClientStatuses, ct);
        await SeedWorkflowAsync(db, RecordKind.Task, TaskStatuses, ct);
        await SeedWorkflowAsync(db, RecordKind.Session, SessionStatuses, ct);
        await SeedWorkflowAsync(db, RecordKind.Invoice, InvoiceStatuses, ct);
        await SeedWorkflowAsync(db, RecordKind.ProductionOrder, ProductionOrderStatuses, ct, ProductionOrderLabEvents);
        // The production settings record: production orders only on request until the studio chooses a status.
        if (!await db.ProductionSettings.IgnoreQueryFilters().AnyAsync(ct))
        {
            db.ProductionSettings.Add(new ProductionSettings());
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A kind's general status list, first status initial and last final, when the kind has none yet.</summary>
    static Task SeedWorkflowAsync(StudioDbContext db, RecordKind kind, (string Description, int Days)[] statuses, CancellationToken ct) =>
        SeedWorkflowAsync(db, kind, statuses.Select(s => (s.Description, s.Days, (WorkflowStage?)null, false)).ToArray(), ct);

    static async Task SeedWorkflowAsync(StudioDbContext db, RecordKind kind,
        (string Description, int Days, WorkflowStage? Stage, bool ChangeOnSessionDate)[] statuses, CancellationToken ct,
        IReadOnlyDictionary<string, LabEvent>? labEvents = null)
    {
        if (await db.StatusDefinitions.IgnoreQueryFilters().AnyAsync(s => s.Kind == kind, ct))
            return;
        db.StatusDefinitions.AddRange(statuses.Select((s, i) => new StatusDefinition
        {
            Kind = kind,
            Description = s.Description,
            Order = (i + 1) * 10,
            DurationBusinessDays = s.Days,
            Stage = s.Stage,
            ChangeOnSessionDate = s.ChangeOnSessionDate,
            LabEvent = labEvents is not null && labEvents.TryGetValue(s.Description, out var labEvent) ? labEvent : null,
            IsInitial = i == 0,
            IsFinal = i == statuses.Length - 1,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The ticket workflow a studio starts with: a new ticket is picked up within two business days, worked within a
    /// week, and a ticket waiting on the client is chased after a week.
    /// </summary>
    static readonly (string Description, int Days)[] TaskStatuses =
        [("Open", 2), ("In Progress", 5), ("Waiting on Client", 5), ("Resolved", 0)];

    /// <summary>
    /// The session workflow a studio starts with, along the workflow hub's stages: booked until the day of the shoot,
    /// when the daily job moves it to Photographed (change on the session date); then checked, presented, retouched,
    /// ordered and archived.
    /// </summary>
    static readonly (string Description, int Days, WorkflowStage? Stage, bool ChangeOnSessionDate)[] SessionStatuses =
    [
        // Booked until the session date moves it on; 30 business days keeps ordinary future bookings off the overdue list.
        ("Booked", 30, null, false),
        ("Photographed", 1, WorkflowStage.Capture, true),
        ("Quality Checked", 2, WorkflowStage.QualityCheck, false),
        ("Proofs Ready", 5, WorkflowStage.Presentation, false),
        ("Retouching", 5, WorkflowStage.Retouch, false),
        ("Ordered", 10, WorkflowStage.Ordering, false),
        ("Archived", 0, WorkflowStage.Archive, false),
    ];

    /// <summary>
    /// The invoice workflow a studio starts with, along the hub's ordering and production stages: an order is placed
    /// with the lab within two business days, made within two weeks, picked up or shipped within a week, then closed.
    /// </summary>
    static readonly (string Description, int Days, WorkflowStage? Stage, bool ChangeOnSessionDate)[] InvoiceStatuses =
    [
        ("Open", 2, WorkflowStage.Ordering, false),
        ("In Production", 10, WorkflowStage.Production, false),
        ("Ready", 5, null, false),
        ("Closed", 0, WorkflowStage.Archive, false),
    ];

    /// <summary>
    /// The production-order workflow a studio starts with (one list for every production type until the studio keeps
    /// statuses by type), along the hub's production stage: crop and render the ordered images within two business days,
    /// the lab makes them within a week and a half, then they are checked and handed over.
    /// </summary>
    static readonly (string Description, int Days, WorkflowStage? Stage, bool ChangeOnSessionDate)[] ProductionOrderStatuses =
    [
        ("New", 2, WorkflowStage.Production, false),
        ("At the Lab", 8, WorkflowStage.Production, false),
        ("Received", 3, WorkflowStage.Production, false),
        ("Delivered", 0, WorkflowStage.Archive, false),
    ];

    /// <summary>
    /// The lab callbacks that move a production order along that workflow: the lab's acceptance puts it at the lab, its
    /// shipment on to Received (the prints are on their way to be checked). No status there stands for a rejection, so a
    /// rejected order keeps its status until the studio marks one (the submission shows the lab's errors meanwhile).
    /// </summary>
    static readonly Dictionary<string, LabEvent> ProductionOrderLabEvents = new()
    {
        ["At the Lab"] = LabEvent.Accepted,
        ["Received"] = LabEvent.Shipped,
    };

    /// <summary>
    /// The client workflow a studio starts with: a prospect is followed up within a week; a customer or school is
    /// looked at again after six weeks (a reorder, next year's picture day); inactive is where the workflow ends.
    /// </summary>
    static readonly (string Description, int Days)[] ClientStatuses =
        [("Prospect", 5), ("Customer", 30), ("School", 30), ("Inactive", 0)];

    /// <summary>
    /// Records without a status (entered before the studio had statuses for their kind, or by the demo seed) start at
    /// the initial status, through the status transitions like any other change, so each gets its status-log entry.
    /// Every kind registered with the workflow is covered.
    /// </summary>
    public static async Task StartRecordsWithoutStatusAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var transitions = services.GetRequiredService<StatusTransitions>();
        foreach (var source in services.GetRequiredService<WorkflowRecords>().All)
        {
            var ids = await source.Rows(db).Where(r => r.StatusId == null).Select(r => r.Id).ToListAsync(ct);
            if (ids.Count > 0)
                await transitions.ChangeAsync(source.Kind, ids, StatusTarget.Advance, $"Started at the initial {source.Kind.WireName()} status.", ct);
        }
    }
}
