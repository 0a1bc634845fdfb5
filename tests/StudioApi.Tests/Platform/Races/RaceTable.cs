using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.GroupCapture;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Messaging.CallTypes;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Features.Messaging.Triggers;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.ProofOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.Payments;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Appointments;
using StudioApi.Features.Scheduling.CalendarFeeds;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Scheduling.Sessions.CalendarEvents;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.ProductionTypes;
using StudioApi.Features.Setup.Promotions;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Features.Schools.YearbookStatuses;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;
using StudioApi.Tests.Features.Imaging.Images;
using static StudioApi.Tests.Platform.Races.RaceRequests;

namespace StudioApi.Tests.Platform.Races;

/// <summary>
/// Every record kind and the state-changing operations that can meet on one of its records. Adding an operation is
/// one line in its kind's <c>Ops</c>; adding a kind is one entry (how to make a record, how to read its version).
/// </summary>
public static class RaceTable
{
    static readonly HttpMethod Put = HttpMethod.Put, Post = HttpMethod.Post, Delete = HttpMethod.Delete;

    // The operations most kinds share.
    static RaceOp Update(string field) =>
        new("update", On.Live, IfMatch: true, [200], [404, 412], (r, n) => Json(Put, r.Path, r.Read.With(field, $"{field} {n}")).IfMatch(r.Version));
    static readonly RaceOp SoftDelete =
        new("delete", On.Live, IfMatch: true, [204], [404, 412], (r, _) => new HttpRequestMessage(Delete, r.Path).IfMatch(r.Version));
    static readonly RaceOp Restore =
        new("restore", On.Deleted, IfMatch: false, [200], [404, 409], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/restore")) { Once = "restore" };
    static readonly RaceOp StatusChange =
        new("statusChange", On.Live, IfMatch: false, [201], [404, 409], (r, _) => Json(Post, $"{r.Path}/status-changes", new { statusId = OtherStatus(r) }))
            { Once = "status" };
    static readonly RaceOp AddNote =
        new("note", On.Live, IfMatch: false, [201], [404], (r, n) => Json(Post, $"{r.Path}/notes", new { text = $"Note {n}" })) { Versions = false };

    /// <summary>A setup list (name, sort order, active): update, delete, restore.</summary>
    static RaceKind SetupList<T>(string route, Func<int, object> body) where T : StudioApi.Platform.Persistence.AuditedRecord => new()
    {
        Name = route,
        Arrange = c => c.CreateAsync($"/api/v1/{route}", body(c.Next())),
        State = RaceKind.Audited<T>(),
        Ops = [Update("name"), SoftDelete, Restore],
    };

    public static readonly RaceKind[] Kinds =
    [
        SetupList<SessionType>("session-types", n => new { name = $"Type {n}", style = "portrait", defaultLengthMinutes = 60 }),
        SetupList<TaskType>("task-types", n => new { name = $"Task type {n}" }),
        SetupList<YearbookStatus>("yearbook-statuses", n => new { name = $"Yearbook status {n}" }),
        SetupList<ProductionType>("production-types", n => new { name = $"Production {n}" }),
        SetupList<Promotion>("promotions", n => new { name = $"Promotion {n}" }),
        SetupList<Relationship>("relationships", n => new { name = $"Relation {n}" }),
        SetupList<Resource>("resources", n => new { name = $"Room {n}", kind = "cameraRoom" }),
        SetupList<Location>("locations", n => new { name = $"Park {n}" }),
        new()
        {
            Name = "users",
            Arrange = c => c.CreateAsync("/api/v1/users", new { username = $"race-{c.Next()}-{Guid.NewGuid():N}"[..24], displayName = "Racer", role = "staff", password = "a-long-enough-password" }),
            State = RaceKind.Audited<User>(),
            Ops =
            [
                Update("displayName"), SoftDelete, Restore,
                new("password", On.Live, IfMatch: false, [204], [404, 409], (r, n) => Json(Post, $"{r.Path}/password", new { password = $"another-long-password-{n}" })),
                new("unlock", On.Live, IfMatch: false, [200], [404], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/unlock")) { Versions = false },
            ],
        },
        new()
        {
            Name = "settings",
            Arrange = async c => new RaceRecord { Id = (await c.GetJsonAsync("/api/v1/settings"))["id"]!.GetValue<long>(), Path = "/api/v1/settings" },
            State = RaceKind.Audited<StudioSettings>(),
            Ops =
            [
                Update("name"),
                // Not an edit of the settings someone may have open: the version stays.
                new("rotateBookingKey", On.Live, IfMatch: false, [200], [409], (_, _) => new HttpRequestMessage(Post, "/api/v1/settings/online-booking-key/rotate")) { Versions = false },
            ],
        },
        new()
        {
            Name = "clients",
            Arrange = async c => await WithStatusesAsync(c, "client", await c.CreateAsync("/api/v1/clients", new { firstName = "Race", lastName = $"Client {c.Next()}" })),
            State = RaceKind.Audited<StudioApi.Features.Clients.Clients.Client>(),
            Ops = [Update("lastName"), SoftDelete, Restore, StatusChange, AddNote],
        },
        new()
        {
            Name = "organizations",
            Arrange = c => c.CreateAsync("/api/v1/organizations", new { name = $"School {c.Next()}", code = $"R{Guid.NewGuid():N}"[..10] }),
            State = RaceKind.Audited<Organization>(),
            Ops = [Update("name"), SoftDelete, Restore],
        },
        new()
        {
            Name = "partner-clients",
            // Read back, not the create's answer: that one also carries the secret, which no update takes.
            Arrange = async c =>
            {
                var organization = await c.SharedAsync("partnerOrganization", async () =>
                    (await c.PostAsync("/api/v1/organizations", new { name = "Partner School", code = $"P{Guid.NewGuid():N}"[..10] }))["id"]!.GetValue<long>());
                var created = await c.CreateAsync("/api/v1/partner-clients", new { name = $"Partner {c.Next()}", organizationIds = new[] { organization }, scopes = new[] { "roster:read" } });
                return new RaceRecord { Id = created.Id, Path = created.Path, Read = await c.GetJsonAsync(created.Path) };
            },
            State = RaceKind.Audited<PartnerClient>(),
            // Revoking uses a client up: a revoked one answers every later round the same.
            FreshEachRound = true,
            Ops =
            [
                new("update", On.Live, IfMatch: true, [200], [404, 412, 422], (r, n) => Json(Put, r.Path, r.Read.With("name", $"Partner {n}")).IfMatch(r.Version)),
                new("rotate", On.Live, IfMatch: true, [200], [404, 412, 422], (r, _) => Json(Post, $"{r.Path}/secret-rotations", new { overlapMinutes = 5 }).IfMatch(r.Version)),
                new("revoke", On.Live, IfMatch: true, [200], [404, 412], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/revocation").IfMatch(r.Version)) { Once = "revoke" },
            ],
        },
        new()
        {
            Name = "tasks",
            Arrange = async c => await WithStatusesAsync(c, "task", await c.CreateAsync("/api/v1/tasks",
                new { taskTypeId = await c.SharedAsync("taskType", async () => (await c.GetJsonAsync("/api/v1/task-types"))["items"]![0]!["id"]!.GetValue<long>()), title = $"Ticket {c.Next()}" })),
            State = RaceKind.Audited<StudioTask>(),
            Ops = [Update("title"), SoftDelete, Restore, StatusChange, AddNote],
        },
        new()
        {
            Name = "sessions",
            Arrange = async c => await WithStatusesAsync(c, "session", await NewSessionAsync(c)),
            State = RaceKind.Audited<Session>(),
            Ops =
            [
                Update("description"), SoftDelete, Restore, StatusChange,
                new("purge", On.Deleted, IfMatch: false, [204], [404, 409], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/purge")) { Once = "purge" },
                new("import", On.Live, IfMatch: false, [200], [404], (r, n) => Upload(r.Path, n)) { Versions = false },
                new("addLine", On.Live, IfMatch: false, [201], [404], (r, n) => Json(Post, $"{r.Path}/calendar-events",
                    new { date = DateTime.UtcNow.Date.AddDays(40 + n % 2000).ToString("yyyy-MM-dd"), startTime = "13:00", endTime = "13:30", description = $"Line {n}" })) { Versions = false },
                new("addAppointment", On.Live, IfMatch: false, [201], [404], (r, n) => Json(Post, $"{r.Path}/appointments",
                    new { title = $"Viewing {n}", date = DateTime.UtcNow.Date.AddDays(40 + n % 2000).ToString("yyyy-MM-dd"), startTime = "15:00", endTime = "16:00" })) { Versions = false },
            ],
            Check = SessionChecks.AfterRoundAsync,
        },
        new()
        {
            Name = "appointments",
            Arrange = c => c.CreateAsync("/api/v1/appointments", new { title = $"Consultation {c.Next()}", date = FutureDay(c), startTime = "10:00", endTime = "10:30" }),
            State = RaceKind.Audited<Appointment>(),
            Ops = [Update("title"), SoftDelete, Restore],
        },
        new()
        {
            Name = "calendar-events",
            Arrange = async c =>
            {
                var session = await NewSessionAsync(c);
                return await c.CreateAsync($"{session.Path}/calendar-events", new { date = FutureDay(c), startTime = "12:00", endTime = "12:30", description = "Retouch review" });
            },
            State = RaceKind.Audited<SessionCalendarEvent>(),
            Ops = [Update("description"), SoftDelete],
        },
        new()
        {
            Name = "calendar-feeds",
            Arrange = async c => await c.CreateAsync("/api/v1/calendar/feeds", new { userId = await c.SharedAsync("photographer", async () => (await c.App.CreateUserAsync($"race-feed-{Guid.NewGuid():N}"[..20], UserRole.Photographer)).Id) }),
            State = RaceKind.Audited<CalendarFeed>(),
            RoundsFactor = 2,
            Ops =
            [
                new("rotate", On.Live, IfMatch: false, [200], [404, 409], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/rotate")),
                new("revoke", On.Live, IfMatch: false, [204], [404], (r, _) => new HttpRequestMessage(Delete, r.Path)) { Once = "revoke" },
            ],
        },
        new()
        {
            Name = "images",
            Arrange = NewImageAsync,
            State = RaceKind.Audited<SessionImage>(),
            Ops =
            [
                new("proofing", On.Live, IfMatch: true, [200], [404, 412], (r, n) => Json(Put, $"/api/v1/images/{r.Id}/proofing", new
                {
                    proofState = "selected", favorite = n % 2 == 0, hiddenOnline = false, rotation = 0, yearbookRole = "none",
                    crop = new { x = n % 997 / 4000.0, y = 0.0, width = 0.5, height = 0.5 },
                }).IfMatch(r.Version)),
                SoftDelete with { Request = (r, _) => new HttpRequestMessage(Delete, $"/api/v1/images/{r.Id}").IfMatch(r.Version) },
                Restore with { Request = (r, _) => new HttpRequestMessage(Post, $"/api/v1/images/{r.Id}/restore") },
                new("bulkProofing", On.Live, IfMatch: false, [200], [404, 409], (r, n) => Json(Post, $"/api/v1/sessions/{r.Related["session"]}/images/proofing", new
                {
                    images = new[] { new { imageId = r.Id, crop = new { x = n % 997 / 4000.0, y = 0.25, width = 0.5, height = 0.5 } } },
                })) { Changed = body => body["results"]![0]!["outcome"]!.GetValue<string>() == "updated" },
            ],
        },
        new()
        {
            Name = "unmatched-captures",
            Arrange = NewHeldCaptureAsync,
            State = RaceKind.Audited<UnmatchedCapture>(),
            FreshEachRound = true,
            RoundsFactor = 3,
            Ops =
            [
                new("assign", On.Live, IfMatch: false, [200], [404], (r, _) => Json(Post, $"{r.Path}/assign", new { sessionId = r.Related["session"] })) { Once = "capture" },
                new("discard", On.Live, IfMatch: false, [204], [404], (r, _) => new HttpRequestMessage(Delete, r.Path)) { Once = "capture" },
            ],
        },
        new()
        {
            Name = "render-profiles",
            Arrange = c => c.CreateAsync("/api/v1/render-profiles", ProfileBody(c.Next())),
            State = RaceKind.Audited<RenderProfile>(),
            Ops =
            [
                Update("name"), SoftDelete, Restore,
                new("setWatermark", On.Live, IfMatch: true, [200], [404, 412], (r, _) => Png($"{r.Path}/watermark").IfMatch(r.Version)),
                new("removeWatermark", On.Live, IfMatch: true, [200], [404, 412], (r, _) => new HttpRequestMessage(Delete, $"{r.Path}/watermark").IfMatch(r.Version)),
            ],
        },
        new()
        {
            Name = "render-jobs",
            Arrange = async c =>
            {
                var statuses = await c.SharedAsync("jobStatuses", async () =>
                {
                    var ids = new List<long>();
                    foreach (var name in new[] { "Race trigger", "Race success", "Race failure" })
                        ids.Add((await c.PostAsync("/api/v1/workflow/statuses", new { kind = "session", description = $"{name} {Guid.NewGuid():N}"[..30], durationBusinessDays = 1 }))["id"]!.GetValue<long>());
                    return ids;
                });
                var profile = await c.SharedAsync("profile", async () => (await c.PostAsync("/api/v1/render-profiles", ProfileBody(c.Next())))["id"]!.GetValue<long>());
                return await c.CreateAsync("/api/v1/render-jobs", new
                {
                    name = $"Job {c.Next()}", profileId = profile, triggerStatusId = statuses[0], successStatusId = statuses[1], failureStatusId = statuses[2], active = false,
                });
            },
            State = RaceKind.Audited<RenderJob>(),
            Ops = [Update("name"), SoftDelete, Restore],
        },
        new()
        {
            Name = "render-runs",
            Arrange = NewRenderRunAsync,
            State = async (db, id) => await db.RenderRuns.AnyAsync(r => r.Id == id) ? (0, false) : null,
            FreshEachRound = true,
            RoundsFactor = 4,
            Stagger = TimeSpan.FromMilliseconds(80),
            Ops =
            [
                new("cancel", On.WhileWorking, IfMatch: false, [200], [409], (r, _) => new HttpRequestMessage(Post, $"{r.Path}/cancel")) { Once = "cancel", Versions = false },
            ],
            Settle = RenderRunChecks.WhenFinishedAsync,
            Check = RenderRunChecks.AfterRoundAsync,
        },
        SetupList<CallType>("call-types", n => new { name = $"Call type {n}" }),
        new()
        {
            Name = "templates",
            Arrange = c => c.CreateAsync("/api/v1/templates", new { name = $"Template {c.Next()}", kind = "formLetter", recordType = "client", body = "Hi {{ client.firstName }}" }),
            State = RaceKind.Audited<MessageTemplate>(),
            Ops = [Update("name"), SoftDelete, Restore],
        },
        new()
        {
            Name = "communications",
            Arrange = async c =>
            {
                var client = await c.SharedAsync("messagingClient", async () => (await c.PostAsync("/api/v1/clients", new { firstName = "Race", lastName = "Calls" }))["id"]!.GetValue<long>());
                return await WithStatusesAsync(c, "communication", await c.CreateAsync("/api/v1/communications", new { kind = "call", clientId = client, subject = $"Call {c.Next()}", dueDate = FutureDay(c) }));
            },
            State = RaceKind.Audited<Communication>(),
            Ops = [Update("subject"), SoftDelete, Restore, StatusChange],
        },
        new()
        {
            Name = "triggers",
            Arrange = c => c.CreateAsync("/api/v1/triggers", new
            {
                name = $"Trigger {c.Next()}", isActive = false, recordKind = "session", @event = "date", dateField = "sessionDate", offsetDays = -2, timeOfDay = "09:00",
                actions = new[] { new { kind = "call", title = "Reminder call" } },
            }),
            State = RaceKind.Audited<Trigger>(),
            Ops = [Update("name"), SoftDelete, Restore],
        },
        new()
        {
            Name = "invoices",
            Arrange = async c => await WithStatusesAsync(c, "invoice", await NewInvoiceAsync(c)),
            State = RaceKind.Audited<Invoice>(),
            // Money on record changes what an invoice may do next (no delete once paid, nothing once void): a new one each round.
            FreshEachRound = true,
            Ops =
            [
                new("update", On.Live, IfMatch: true, [200], [404, 409, 412], (r, n) => Json(Put, r.Path, r.Read.With("date", DateTime.UtcNow.Date.AddDays(-(n % 300)).ToString("yyyy-MM-dd"))).IfMatch(r.Version)),
                SoftDelete with { Refusals = [404, 409, 412] },
                Restore, StatusChange, AddNote,
                new("pay", On.Live, IfMatch: false, [201], [404, 409], (r, _) => Json(Post, $"{r.Path}/payments", new { amount = 100, methodId = r.Related["cash"] })
                    .WithKey()),
                new("creditMemo", On.Live, IfMatch: false, [201], [404, 409], (r, n) => Json(Post, $"{r.Path}/credit-memos", new { amount = 50, reason = $"Race {n}" })),
                new("void", On.Live, IfMatch: false, [200], [404, 409], (r, _) => Json(Post, $"{r.Path}/void", new { reason = "Race" })) { Once = "void" },
            ],
            Check = InvoiceChecks.AfterRoundAsync,
        },
        new()
        {
            Name = "payments",
            Arrange = NewPaymentAsync,
            State = RaceKind.Audited<Payment>(),
            FreshEachRound = true,
            Ops =
            [
                // 400 of a payment of 1,000: at most two of a crowd of refunds can be given.
                new("refund", On.Live, IfMatch: false, [201], [409, 422], (r, _) => Json(Post, $"{r.Path}/refunds", new { amount = 400 }).WithKey()) { Versions = false },
                new("void", On.Live, IfMatch: false, [200], [409], (r, _) => Json(Post, $"{r.Path}/void", new { reason = "Race" })) { Once = "void" },
            ],
            RoundsFactor = 4,
            Check = InvoiceChecks.AfterPaymentRoundAsync,
        },
        new()
        {
            Name = "vendors",
            Arrange = c => c.CreateAsync("/api/v1/vendors", new { name = $"Lab {c.Next()} {Guid.NewGuid():N}"[..30] }),
            State = RaceKind.Audited<Vendor>(),
            Ops = [Update("name"), SoftDelete, Restore],
        },
        new()
        {
            Name = "proof-orders",
            Arrange = async c =>
            {
                var session = await c.SharedAsync("proofSession", async () => (await NewSessionAsync(c)).Id);
                var created = await c.PostAsync($"/api/v1/sessions/{session}/proof-orders", new { numberOfProofs = 12 });
                return new RaceRecord { Id = created["id"]!.GetValue<long>(), Path = $"/api/v1/proof-orders/{created["id"]}", Read = created };
            },
            State = RaceKind.Audited<ProofOrder>(),
            Ops = [Update("storageLocation"), SoftDelete, Restore],
        },
        new()
        {
            Name = "production-orders",
            Arrange = async c => await WithStatusesAsync(c, "productionOrder", await NewProductionOrderAsync(c)),
            State = RaceKind.Audited<ProductionOrder>(),
            Ops = [Update("notes"), SoftDelete, Restore, StatusChange],
        },
        new()
        {
            Name = "workflow-statuses",
            Arrange = c => c.CreateAsync("/api/v1/workflow/statuses", new { kind = "task", description = $"Race status {c.Next()}", durationBusinessDays = 1 }),
            State = RaceKind.Audited<StatusDefinition>(),
            Ops = [Update("description"), SoftDelete],
        },
    ];

    static long OtherStatus(RaceRecord r)
    {
        var current = r.Read["status"]?["id"]?.GetValue<long>();
        return r.Related["statusA"] != current ? r.Related["statusA"] : r.Related["statusB"];
    }

    /// <summary>Two active statuses of the kind's workflow, to move the record between.</summary>
    static async Task<RaceRecord> WithStatusesAsync(RaceContext c, string kind, RaceRecord record)
    {
        var statuses = await c.SharedAsync($"statuses-{kind}", async () =>
            (await c.GetJsonAsync($"/api/v1/workflow/statuses?kind={kind}"))["items"]!.AsArray()
            .Where(s => !s!["isInactive"]!.GetValue<bool>()).Select(s => s!["id"]!.GetValue<long>()).Take(2).ToList());
        record.Related["statusA"] = statuses[0];
        record.Related["statusB"] = statuses[1];
        return record;
    }

    static string FutureDay(RaceContext c) => DateTime.UtcNow.Date.AddDays(40 + c.Next() % 2000).ToString("yyyy-MM-dd");

    static async Task<RaceRecord> NewSessionAsync(RaceContext c)
    {
        var client = await c.SharedAsync("client", async () => (await c.PostAsync("/api/v1/clients", new { firstName = "Race", lastName = "Sessions" }))["id"]!.GetValue<long>());
        return await c.CreateAsync("/api/v1/sessions", new { clientId = client, date = FutureDay(c), startTime = "09:00", endTime = "10:00", description = "Race" });
    }

    /// <summary>An invoice of a shared client from a shared price list (the fee: 50.00), with cash to pay it.</summary>
    static async Task<RaceRecord> NewInvoiceAsync(RaceContext c)
    {
        var (client, list, fee, cash) = await c.SharedAsync("sale", async () =>
        {
            var client = (await c.PostAsync("/api/v1/clients", new { firstName = "Race", lastName = "Buyer" }))["id"]!.GetValue<long>();
            var list = (await c.PostAsync("/api/v1/price-lists", new { name = $"Race prices {Guid.NewGuid():N}" }))["id"]!.GetValue<long>();
            var group = (await c.PostAsync($"/api/v1/price-lists/{list}/groups", new { name = "Fees" }))["id"]!.GetValue<long>();
            var fee = (await c.PostAsync($"/api/v1/price-lists/{list}/items", new { groupId = group, code = "FEE", description = "Fee", type = "sessionFee", price = 5000 }))["id"]!.GetValue<long>();
            var cash = (await c.GetJsonAsync("/api/v1/payment-methods?limit=200"))["items"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "Cash")!["id"]!.GetValue<long>();
            return (client, list, fee, cash);
        });
        var record = await c.CreateAsync("/api/v1/invoices", new { clientId = client, priceListId = list, lines = new[] { new { itemId = fee } } });
        record.Related["cash"] = cash;
        return record;
    }

    /// <summary>A production order of a frame sold on a new invoice of the shared sale.</summary>
    static async Task<RaceRecord> NewProductionOrderAsync(RaceContext c)
    {
        var (client, list, frame) = await c.SharedAsync("production", async () =>
        {
            var client = (await c.PostAsync("/api/v1/clients", new { firstName = "Race", lastName = "Framed" }))["id"]!.GetValue<long>();
            var list = (await c.PostAsync("/api/v1/price-lists", new { name = $"Race frames {Guid.NewGuid():N}" }))["id"]!.GetValue<long>();
            var group = (await c.PostAsync($"/api/v1/price-lists/{list}/groups", new { name = "Frames" }))["id"]!.GetValue<long>();
            var type = (await c.PostAsync("/api/v1/production-types", new { name = $"Race frames {Guid.NewGuid():N}"[..30] }))["id"]!.GetValue<long>();
            var frame = (await c.PostAsync($"/api/v1/price-lists/{list}/items", new { groupId = group, code = "FRAME", description = "Frame", price = 5000, productionTypeId = type }))["id"]!.GetValue<long>();
            return (client, list, frame);
        });
        var invoice = await c.PostAsync("/api/v1/invoices", new { clientId = client, priceListId = list, lines = new[] { new { itemId = frame } } });
        var response = await c.Admin.SendAsync(new HttpRequestMessage(Post, $"/api/v1/invoices/{invoice["id"]}/production-orders"));
        var order = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["made"]![0]!.AsObject();
        response.IsSuccessStatusCode.ShouldBeTrue($"arranging a production order: {order}");
        return new RaceRecord { Id = order["id"]!.GetValue<long>(), Path = $"/api/v1/production-orders/{order["id"]}", Read = order.DeepClone().AsObject() };
    }

    static async Task<RaceRecord> NewPaymentAsync(RaceContext c)
    {
        var invoice = await NewInvoiceAsync(c);
        var request = Json(Post, $"{invoice.Path}/payments", new { amount = 1000, methodId = invoice.Related["cash"] }).WithKey();
        var response = await c.Admin.SendAsync(request);
        var payment = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        response.IsSuccessStatusCode.ShouldBeTrue($"arranging a payment: {payment}");
        return new RaceRecord { Id = payment["id"]!.GetValue<long>(), Path = $"/api/v1/payments/{payment["id"]}", Read = payment, Related = { ["invoice"] = invoice.Id } };
    }

    static HttpRequestMessage Upload(string sessionPath, int n)
    {
        var (name, bytes) = ProofingKit.Jpeg($"race-{n}.jpg", 20_000 + n);
        return new HttpRequestMessage(Post, $"{sessionPath}/images") { Content = ImageKit.Form((name, bytes)) };
    }

    static async Task<RaceRecord> NewImageAsync(RaceContext c)
    {
        var session = await c.SharedAsync("imageSession", async () => (await NewSessionAsync(c)).Id);
        var response = await c.Admin.SendAsync(Upload($"/api/v1/sessions/{session}", c.Next()));
        var image = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["files"]![0]!["image"]!;
        return new RaceRecord { Id = image["id"]!.GetValue<long>(), Path = $"/api/v1/images/{image["id"]}", Related = { ["session"] = session } };
    }

    static async Task<RaceRecord> NewHeldCaptureAsync(RaceContext c)
    {
        var school = await c.SharedAsync("school", async () =>
        {
            var organization = (await c.PostAsync("/api/v1/organizations", new { name = "Race School", code = $"C{Guid.NewGuid():N}"[..10] }))["id"]!.GetValue<long>();
            var client = (await c.PostAsync("/api/v1/clients", new { firstName = "Pupil", lastName = "Race", student = new { organizationId = organization, studentId = "R-1" } }))["id"]!.GetValue<long>();
            var session = (await c.PostAsync("/api/v1/sessions", new { clientId = client, organizationId = organization, date = FutureDay(c), startTime = "08:00", endTime = "08:10" }))["id"]!.GetValue<long>();
            return (organization, session);
        });
        var n = c.Next();
        var response = await c.Admin.PostAsync($"/api/v1/organizations/{school.organization}/group-capture", ImageKit.Form(ProofingKit.Jpeg($"nobody-{n}.jpg", 40_000 + n)));
        var held = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["files"]![0]!["unmatchedCaptureId"]!.GetValue<long>();
        return new RaceRecord { Id = held, Path = $"/api/v1/unmatched-captures/{held}", Related = { ["session"] = school.session } };
    }

    static object ProfileBody(int n) => new
    {
        name = $"Race profile {n}", size = new { mode = "longEdge", longEdgePx = 200 }, format = "jpeg", quality = 80,
        fileNamePattern = "{sessionNumber}-{imageNumber}", images = "all",
    };

    static HttpRequestMessage Png(string path)
    {
        using var black = NetVips.Image.Black(20, 10, bands: 4);
        var content = new ByteArrayContent(black.Cast(NetVips.Enums.BandFormat.Uchar).PngsaveBuffer());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new HttpRequestMessage(Put, path) { Content = content };
    }

    static async Task<RaceRecord> NewRenderRunAsync(RaceContext c)
    {
        var (profile, session) = await c.SharedAsync("run", async () =>
        {
            var profile = (await c.PostAsync("/api/v1/render-profiles", ProfileBody(c.Next())))["id"]!.GetValue<long>();
            // Real photos, so a run lasts long enough for cancels to meet it at every stage.
            var session = await NewSessionAsync(c);
            (await c.Admin.PostAsync($"{session.Path}/images", ImageKit.Form(ImageKit.File("Landscape_1.jpg"), ImageKit.File("Portrait_2.jpg"),
                ImageKit.File("Landscape_3.jpg")))).EnsureSuccessStatusCode();
            return (profile, session.Id);
        });
        var run = await c.PostAsync("/api/v1/render-runs", new { profileId = profile, sessionIds = new[] { session } });
        return new RaceRecord { Id = run["id"]!.GetValue<long>(), Path = $"/api/v1/render-runs/{run["id"]}" };
    }
}
