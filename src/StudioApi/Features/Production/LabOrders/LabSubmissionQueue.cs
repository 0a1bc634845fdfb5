using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>Wakes the lab submission worker when an order is queued.</summary>
public sealed class LabSubmissionSignal : WakeSignal;

/// <summary>
/// Sends queued lab orders through their lab's API (kind <see cref="Kind"/>, settings <c>Background:LabSubmissions:…</c>):
/// leases, retries with a doubling backoff, failed after MaxAttempts or at once when the lab refuses the order, taken
/// back after a crash. Every attempt is logged with the lab's answer (<see cref="LabSubmissionAttempt"/>). The lab's id
/// for the order is recorded before it is told to produce it, and the order goes under the lab's own duplicate key, so
/// a retry never orders twice (see <see cref="ILabAdapter"/>).
/// </summary>
public sealed class LabSubmissionQueue(
    StudioDbContext db, BackgroundInstance instance, TimeProvider clock, LabOrderDocuments documents, LabSecrets secrets, IFileStore store,
    IEnumerable<ILabAdapter> adapters) : WorkQueue<LabSubmission>
{
    public const string Kind = "lab-submissions";

    static readonly Expression<Func<LabSubmission, WorkLease>> LeaseColumns = s => s.Work;
    static readonly Expression<Func<LabSubmission, DateTime>> Created = s => s.CreatedAt;
    static readonly Expression<Func<LabSubmission, bool>> OnItsWay = s => s.State == LabSubmissionState.Queued || s.State == LabSubmissionState.Submitting;

    public override Expression<Func<LabSubmission, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<LabSubmission, DateTime>> CreatedAt => Created;
    public override Expression<Func<LabSubmission, bool>> Waiting => OnItsWay;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override bool IsWorthRetrying(Exception failure) => failure is not LabRefusedException;

    public override void OnFailed(UpdateSettersBuilder<LabSubmission> set, string error, DateTime now) => set
        .SetProperty(s => s.State, LabSubmissionState.Failed)
        .SetProperty(s => s.LabAnswer, error);

    public override async Task ProcessAsync(LabSubmission submission, CancellationToken ct)
    {
        var started = Now;
        try
        {
            var sent = await SendAsync(submission, ct);
            var at = Now;
            await FinishAsync(submission, started, sent.FoundAlready ? LabAttemptOutcome.FoundSubmitted : LabAttemptOutcome.Submitted, sent.Answer, set => set
                // The lab's callback may have come first (it knows the order once it is submitted): accepted or shipped stays.
                .SetProperty(s => s.State, s => s.State == LabSubmissionState.Queued || s.State == LabSubmissionState.Submitting
                    ? LabSubmissionState.Submitted
                    : s.State)
                .SetProperty(s => s.SubmittedAt, at)
                .SetProperty(s => s.LabAnswer, Trim(sent.Answer))
                .SetProperty(s => s.LabConfirmationId, sent.ConfirmationId ?? submission.LabConfirmationId)
                .SetProperty(s => s.LabOrderNumber, sent.LabOrderNumber ?? submission.LabOrderNumber));
        }
        catch (Exception e) when (e is not LabLeaseLostException && !ct.IsCancellationRequested)
        {
            // The engine records the failure on the submission; the attempt log keeps the lab's answer.
            var detail = Trim(string.IsNullOrWhiteSpace(e.Message) ? e.GetType().Name : e.Message);
            db.ChangeTracker.Clear();
            db.Set<LabSubmissionAttempt>().Add(Attempt(submission, started, IsWorthRetrying(e) ? LabAttemptOutcome.Retrying : LabAttemptOutcome.Failed, detail));
            await db.Set<LabSubmission>().Where(s => s.Id == submission.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.LabAnswer, detail), CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    async Task<LabSubmitted> SendAsync(LabSubmission submission, CancellationToken ct)
    {
        var vendor = await db.Vendors.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Id == submission.VendorId, ct);
        var adapter = adapters.SingleOrDefault(a => a.Protocol == submission.Protocol)
                      ?? throw new LabRefusedException($"Sending to a {submission.Protocol} lab is not built.");
        var order = await db.ProductionOrders.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == submission.ProductionOrderId, ct);
        var document = await documents.BuildAsync(order, submission.AssetBaseUrl, ct);
        return await adapter.SubmitAsync(submission, document, await HashesAsync(document, ct), CredentialsOf(vendor, secrets),
            confirmation => RecordConfirmationAsync(submission, confirmation), ct);
    }

    public static LabCredentials CredentialsOf(Vendor vendor, LabSecrets secrets) => new(LabProtocols.ApiUrlOf(vendor),
        secrets.Unprotect(vendor.LabKeyProtected), secrets.Unprotect(vendor.LabSecretProtected), secrets.Unprotect(vendor.LabCallbackSecretProtected),
        vendor.LabShippingCode);

    /// <summary>Each line's rendered file's MD5, read from the store.</summary>
    async Task<IReadOnlyDictionary<long, string>> HashesAsync(LabOrderDocument document, CancellationToken ct)
    {
        var hashes = new Dictionary<long, string>();
        if (document.RenderRunId is not { } runId)
            return hashes;
        var items = await db.Set<RenderRunItem>().AsNoTracking().Where(i => i.RunId == runId && i.OrderLineId != null).ToListAsync(ct);
        foreach (var line in document.Items.Where(i => i.Image?.File is not null))
        {
            var item = items.FirstOrDefault(i => i.OrderLineId == line.LineId);
            if (item is null)
                continue;
            var stored = await store.OpenReadAsync(RenderRunItem.OutputKeyOf(runId, item.Id, item.OutputName), ct)
                         ?? throw new LabRefusedException($"The rendered file of line {line.LineId} is missing from the file store: render the order again.");
            await using (stored.Content)
                hashes[line.LineId] = Convert.ToHexStringLower(await MD5.HashDataAsync(stored.Content, ct));
        }
        return hashes;
    }

    /// <summary>The submission while this attempt holds it: same server, same attempt.</summary>
    IQueryable<LabSubmission> Held(LabSubmission submission)
    {
        var owner = instance.Id;
        var attempt = submission.Work.Attempts;
        return db.Set<LabSubmission>().Where(s => s.Id == submission.Id && s.Work.LeaseOwner == owner && s.Work.Attempts == attempt);
    }

    async Task RecordConfirmationAsync(LabSubmission submission, string confirmation)
    {
        if (await Held(submission).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LabConfirmationId, confirmation)
                .SetProperty(s => s.State, LabSubmissionState.Submitting), CancellationToken.None) == 0)
            throw new LabLeaseLostException(); // another server has it now: stop before telling the lab to produce it
        submission.LabConfirmationId = confirmation;
    }

    /// <summary>Records how the attempt ended, with its log entry, in one transaction; nothing if the lease was lost meanwhile.</summary>
    async Task FinishAsync(LabSubmission submission, DateTime started, LabAttemptOutcome outcome, string detail,
        Action<UpdateSettersBuilder<LabSubmission>> setters)
    {
        await db.InTransactionAsync(async () =>
        {
            if (await Held(submission).ExecuteUpdateAsync(setters, CancellationToken.None) == 0)
                throw new LabLeaseLostException();
            db.Set<LabSubmissionAttempt>().Add(Attempt(submission, started, outcome, Trim(detail)));
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    LabSubmissionAttempt Attempt(LabSubmission submission, DateTime started, LabAttemptOutcome outcome, string? detail) => new()
    {
        SubmissionId = submission.Id,
        Round = submission.Round,
        Attempt = submission.Work.Attempts,
        StartedAt = started,
        FinishedAt = Now,
        Server = instance.Id,
        Outcome = outcome,
        Detail = detail,
    };

    static string Trim(string text) => text.Length <= LabSubmissionLimits.AnswerLength ? text : text[..LabSubmissionLimits.AnswerLength];
}

/// <summary>Another server took the submission over (this one stalled past its lease): stop, change nothing.</summary>
public sealed class LabLeaseLostException() : OperationCanceledException("The lab submission's lease passed to another server.");
