namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// The contract's table of contents: the studio's areas in the order a studio meets them, each with its tags (one per
/// record type, the first part of an operation id) in order. The one place that orders the tags: the document lists
/// them so (<see cref="TagsTransformer"/>), the reference page follows that order, and ContractTests checks that
/// every tag in use is here.
/// </summary>
public static class ApiTags
{
    public sealed record Tag(string Name, string Description);

    public sealed record Area(string Name, IReadOnlyList<Tag> Tags);

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("Setup",
        [
            new("Auth", "Sign in, renew the access token, sign out."),
            new("Settings", "The studio's settings: letterhead, time zone, currency, working days, opening hours, online booking."),
            new("Users", "The people who sign in: roles, passwords, lockouts."),
            new("SessionTypes", "Setup list: the kinds of session the studio books, with their calendar titles and online-booking rules."),
            new("TaskTypes", "Setup list: the kinds of task (customer-service ticket)."),
            new("ProductionTypes", "Setup list: the kinds of product the studio makes (prints, frames, albums…)."),
            new("Promotions", "Setup list: the promotions sessions are booked under."),
            new("Relationships", "Setup list: how a client's family members are related to them."),
            new("Resources", "Setup list: camera rooms and other bookable resources."),
            new("Locations", "Setup list: outside locations where sessions take place."),
        ]),
        new("Clients",
        [
            new("Clients", "The people and businesses the studio photographs and bills, with their notes and status log."),
            new("Organizations", "Schools and other organizations, whose students are clients."),
            new("Tasks", "Customer-service tickets, with their notes and status log."),
        ]),
        new("Scheduling",
        [
            new("Sessions", "Photo sessions: booking, picture days, advanced calendars, confirmations, reminders, notes and status log."),
            new("Appointments", "Appointments that are not sessions: consultations, viewings, sales appointments."),
            new("Calendar", "The calendars of people and resources, and their iCalendar feeds."),
            new("OnlineBooking", "Public online booking: free slots and bookings, addressed by the studio's booking key."),
        ]),
        new("Imaging",
        [
            new("Images", "A session's images: import, files and signed links, proofing, contact sheets."),
            new("GroupCapture", "Picture-day uploads matched to students' sessions, and the captures no session was found for."),
            new("RenderProfiles", "How images are rendered for delivery: selection, size, format, crop, watermark, file names."),
            new("RenderJobs", "Renders started when a session reaches a status, moving the session on when they finish."),
            new("RenderRuns", "Background renders of sessions' images into a zip with a manifest."),
        ]),
        new("Sales",
        [
            new("PriceLists", "Price lists: their groups in order, copies, the sessions they sell to, spreadsheet import and export."),
            new("PriceListItems", "What a price list sells: prints, packages and their poses, promotions and their rules, session fees, digital files, shipping."),
            new("PaymentMethods", "Setup list: how clients pay (cash, check, card, gift certificate)."),
            new("ShippingMethods", "Setup list: how orders reach clients, and at what price."),
            new("TaxSettings", "Sales tax: the rates, whether prices include tax, whether digital items and shipping are taxed."),
            new("Invoices", "Invoices of every type: lines, coupons, tax and totals, estimates, credit memos, voids, payment plans, notes, status log and printable documents."),
            new("Payments", "Payments and refunds of invoices, each taken once under its Idempotency-Key; client credit."),
            new("CardPayments", "Card payments through Stripe: payment intents, and Stripe's signed webhook that records them."),
            new("Receivables", "What clients owe: a client's balance and credit, and the accounts-receivable aging report."),
        ]),
        new("Production",
        [
            new("Vendors", "Labs and suppliers: contact, account, how orders reach them, and what they are the default vendor of."),
            new("ProductionOrders", "Orders made from invoices by production type: vendor, lab reference and tracking, status log, ordered images and their crops."),
            new("LabOrders", "Production orders at the lab: the neutral lab order, hot-folder packages, submission to WHCC and Bay Photo, and their signed callbacks."),
            new("ProofOrders", "Proofs of a session's images: vendor, status, number of proofs, storage location, CD number."),
            new("ProductionSettings", "How production runs: the invoice status at which production orders are made by themselves."),
        ]),
        new("Schools",
        [
            new("PartnerClients", "School partners' API clients: their organizations and scopes, secrets, and the OAuth2 token endpoint."),
            new("Rosters", "Roster imports into an organization (OneRoster CSV packages): dry runs, reports per row, history."),
            new("Yearbook", "Yearbook selections (main and secondary image, who chose and when), the approval report and the PSPA yearbook package."),
            new("YearbookStatuses", "Setup list: the yearbook statuses a session's yearbook selection goes through."),
            new("Partner", "What a partner's client reaches with its token: its organizations, their students, sessions and images."),
        ]),
        new("Messaging",
        [
            new("Communications", "Calls, e-mails, text messages and letters with a client: sent through the outbox, logged, with their status log."),
            new("Templates", "Form letters and HTML e-mails: Liquid with merge fields, checked when saved, previewed for a record."),
            new("CommunicationBatches", "The communication wizard: one template to every record of a filter, previewed, then sent as a batch."),
            new("Triggers", "When something happens (a status, a creation, a date), send messages and make calls and tasks, once each; with their history."),
            new("PrintJobs", "The print queue: letters, job sheets and labels as PDFs, downloaded and marked printed."),
            new("CallTypes", "Setup list: what calls are for (follow-up, order reminder…)."),
            new("PublicLinks", "Public, signed links in messages: unsubscribe, and the button that confirms a session."),
            new("MessagingSettings", "How messages leave: the SMTP server and sender, the SMS provider, sending rates, link addresses."),
        ]),
        new("Workflow",
        [
            new("Workflow", "Statuses and workflows of clients, sessions, tasks and invoices; overdue records; the workflow hub."),
        ]),
        new("Platform",
        [
            new("BackgroundWork", "The work the server does in the background, kind by kind: queues, failures, settings."),
            new("Storage", "The file store: reconciliations with the database, orphan files moved to quarantine."),
        ]),
    ];

    /// <summary>Every tag, in the order of the contract.</summary>
    public static IEnumerable<Tag> InOrder => Areas.SelectMany(a => a.Tags);
}
