using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Sales;
using StudioApi.Features.Scheduling;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Storage;

namespace StudioApi.Tests.Platform.Races;

/// <summary>What must hold of a session after a round, whoever won.</summary>
public static class SessionChecks
{
    public static async Task<string?> AfterRoundAsync(RaceContext c, RaceRecord session, IReadOnlyList<RaceOutcome> outcomes)
    {
        var state = await c.App.WithDbAsync(async db => new
        {
            Session = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == session.Id).Select(s => new { s.DeletedAt }).SingleOrDefaultAsync(),
            Images = await db.SessionImages.IgnoreQueryFilters().AsNoTracking().Where(i => i.SessionId == session.Id).Select(i => new { i.Id, i.DeletedAt }).ToListAsync(),
            Lines = await db.SessionCalendarEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.SessionId == session.Id)
                .Select(e => new { e.Id, e.DeletedAt })
                .Concat(db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(a => a.SessionId == session.Id).Select(a => new { a.Id, a.DeletedAt }))
                .ToListAsync(),
        });
        if (state.Session is null)
        {
            if (state.Images.Count > 0 || state.Lines.Count > 0)
                return $"purged, yet {state.Images.Count} image(s) and {state.Lines.Count} calendar line(s) or appointment(s) of it are still there";
            // The rendition worker may still hold an image of it: finding the image erased, it removes what it wrote
            // after the purge deleted the files it knew of. So the files must be gone once the work has settled.
            var folder = Path.Combine(c.App.DataDirectory, "files", "sessions", session.Id.ToString());
            var settled = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
            {
                if (DateTime.UtcNow > settled)
                    return "purged, yet files of its images are still stored (15 s after the round)";
                await Task.Delay(50);
            }
            return null;
        }
        if (state.Session.DeletedAt is not null && state.Lines.Any(e => e.DeletedAt is null))
            return "in the recycle bin, yet calendar lines or appointments of it are live";
        if (state.Session.DeletedAt is not null && state.Images.Any(i => i.DeletedAt is null))
            return $"in the recycle bin, yet image(s) {string.Join(", ", state.Images.Where(i => i.DeletedAt is null).Select(i => i.Id))} of it are live";
        if (state.Session.DeletedAt is null && state.Images.Any(i => i.DeletedAt is not null))
            return $"live, yet image(s) {string.Join(", ", state.Images.Where(i => i.DeletedAt is not null).Select(i => i.Id))} of it are in the recycle bin";
        return null;
    }
}

/// <summary>A render run raced by cancels ends either cancelled without output or finished with it, never between.</summary>
public static class RenderRunChecks
{
    static readonly RenderRunState[] Final = [RenderRunState.Completed, RenderRunState.CompletedWithErrors, RenderRunState.Failed, RenderRunState.Cancelled];

    public static async Task WhenFinishedAsync(RaceContext c, RaceRecord run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Cancelled is final for the API, but the worker may still be finishing the image in hand: wait for its lease to end.
        while (await c.App.WithDbAsync(db => db.RenderRuns.AnyAsync(r => r.Id == run.Id && (!Final.Contains(r.State) || r.Work.LeaseOwner != null)))
               && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    public static async Task<string?> AfterRoundAsync(RaceContext c, RaceRecord record, IReadOnlyList<RaceOutcome> outcomes)
    {
        var run = await c.App.WithDbAsync(db => db.RenderRuns.AsNoTracking().SingleAsync(r => r.Id == record.Id));
        var zip = File.Exists(Path.Combine(c.App.DataDirectory, "files", RenderRun.ZipKeyOf(run.Id)));
        var manifest = File.Exists(Path.Combine(c.App.DataDirectory, "files", RenderRun.ManifestKeyOf(run.Id)));
        var cancelled = outcomes.Any(o => o.Won);
        if (cancelled)
            return run.State != RenderRunState.Cancelled || run.ZipSha256 is not null || zip || manifest
                ? $"cancelled, yet it is {run.State} with {(zip ? "a zip" : "no zip")} and {(manifest ? "a manifest" : "no manifest")} stored" : null;
        return run.State != RenderRunState.Completed || run.ZipSha256 is null || !zip || !manifest || run.Done + run.Failed != run.Total
            ? $"not cancelled, yet it is {run.State} ({run.Done}+{run.Failed} of {run.Total}), zip {(zip ? "stored" : "missing")}" : null;
    }
}

/// <summary>What must hold of an invoice and its payments after a round, whoever won: the money adds up.</summary>
public static class InvoiceChecks
{
    public static Task<string?> AfterRoundAsync(RaceContext c, RaceRecord invoice, IReadOnlyList<RaceOutcome> outcomes) =>
        c.App.WithDbAsync(db => MoneyOfAsync(db, invoice.Id));

    public static Task<string?> AfterPaymentRoundAsync(RaceContext c, RaceRecord payment, IReadOnlyList<RaceOutcome> outcomes) =>
        c.App.WithDbAsync(async db =>
        {
            var paid = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id);
            var refunds = await db.Payments.AsNoTracking().Where(r => r.RefundOfPaymentId == payment.Id && r.VoidedAt == null).Select(r => r.Amount).ToListAsync();
            var refunded = refunds.Sum(r => r.MinorUnits);
            if (refunded > paid.Applied.MinorUnits)
                return $"refunds of {refunded} exceed the {paid.Applied.MinorUnits} paid";
            if (paid.VoidedAt is not null && refunded > 0)
                return "void, yet refunds of it are live";
            return await MoneyOfAsync(db, paid.InvoiceId);
        });

    /// <summary>Why the invoice's stored paid, credited or balance differ from its payments and credit memos, or null.</summary>
    public static async Task<string?> MoneyOfAsync(StudioApi.Platform.Persistence.StudioDbContext db, long invoiceId)
    {
        var invoice = await db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == invoiceId);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId && p.VoidedAt == null).ToListAsync();
        var paid = payments.Sum(p => p.Kind == StudioApi.Features.Sales.Payments.PaymentKind.Refund ? -p.Amount.MinorUnits : p.Applied.MinorUnits);
        var credited = (await db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(m => m.CreditsInvoiceId == invoiceId && m.VoidedAt == null && (m.DeletedAt == null || invoice.DeletedAt != null))
            .Select(m => m.Total).ToListAsync()).Sum(t => t.MinorUnits);
        var balance = invoice.Receivable ? invoice.Total.MinorUnits - credited - paid : 0;
        return invoice.Paid.MinorUnits != paid || invoice.Credited.MinorUnits != credited || invoice.Balance.MinorUnits != balance
            ? $"invoice {invoice.Number} stores paid {invoice.Paid}, credited {invoice.Credited}, balance {invoice.Balance}; its records say {paid}, {credited}, {balance}"
            : invoice.IsVoid && paid != 0 ? $"invoice {invoice.Number} is void with {paid} paid on it" : null;
    }
}

/// <summary>What must hold of the whole studio after the races: files and records agree, numbers are unique, counts add up.</summary>
public static class StudioInvariants
{
    public static async Task<List<string>> CheckAsync(StudioApiFactory app)
    {
        var broken = new List<string>();
        var store = await app.CompareStoreAsync();
        broken.AddRange(store.Orphans.Select(o => $"file without a record: {o.Key}"));
        broken.AddRange(store.Missing.Select(m => $"{m.RecordKind} {m.RecordId} without its file {m.Key}"));
        await app.WithDbAsync(async db =>
        {
            broken.AddRange((await db.Clients.IgnoreQueryFilters().GroupBy(x => x.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync())
                .Select(n => $"client number {n} given twice"));
            broken.AddRange((await db.Sessions.IgnoreQueryFilters().GroupBy(x => x.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync())
                .Select(n => $"session number {n} given twice"));
            broken.AddRange((await db.SessionImages.IgnoreQueryFilters().GroupBy(x => new { x.SessionId, x.Number }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync())
                .Select(k => $"image number {k.Number} given twice in session {k.SessionId}"));
            broken.AddRange((await db.Invoices.IgnoreQueryFilters().GroupBy(x => x.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync())
                .Select(n => $"invoice number {n} given twice"));
            foreach (var id in await db.Invoices.IgnoreQueryFilters().Select(i => i.Id).ToListAsync())
                if (await InvoiceChecks.MoneyOfAsync(db, id) is { } drift)
                    broken.Add(drift);
            broken.AddRange((await db.RenderRuns.Where(r => r.State == RenderRunState.Completed && r.Done + r.Failed != r.Total).Select(r => r.Id).ToListAsync())
                .Select(id => $"render run {id} completed with done + failed ≠ total"));
            broken.AddRange((await db.Clients.IgnoreQueryFilters().Where(x => x.ImageId != null && !db.Set<StudioApi.Features.Imaging.Images.SessionImage>().IgnoreQueryFilters().Any(i => i.Id == x.ImageId))
                .Select(x => x.Id).ToListAsync()).Select(id => $"client {id}'s picture is an image that does not exist"));
        });
        return broken;
    }
}
