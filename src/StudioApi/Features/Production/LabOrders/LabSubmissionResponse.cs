using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Background;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>A production order's sending to its lab: where it stands, the lab's answer and ids, and every attempt.</summary>
public sealed class LabSubmissionResponse
{
    public required long Id { get; init; }
    public required long ProductionOrderId { get; init; }
    public required long VendorId { get; init; }
    public required LabProtocol Protocol { get; init; }
    public required LabSubmissionState State { get; init; }
    /// <summary>1 for the first sending; one more for each sending again after a rejection or failure.</summary>
    public required int Round { get; init; }
    /// <summary>What the lab knows this sending by and refuses a duplicate of (WHCC EntryId, Bay Photo integrator_identifier).</summary>
    [MaxLength(LabSubmissionLimits.KeyLength)]
    public required string LabKey { get; init; }
    /// <summary>The lab's id for the order before production (WHCC's ConfirmationID).</summary>
    [MaxLength(LabSubmissionLimits.LabIdLength)]
    public string? LabConfirmationId { get; init; }
    /// <summary>The lab's order number: the production order's lab reference.</summary>
    [MaxLength(LabSubmissionLimits.LabIdLength)]
    public string? LabOrderNumber { get; init; }
    /// <summary>The lab's last answer (or why sending failed).</summary>
    [MaxLength(LabSubmissionLimits.AnswerLength)]
    public string? LabAnswer { get; init; }
    [MaxLength(ProductionOrderLimits.CarrierLength)]
    public string? Carrier { get; init; }
    [MaxLength(ProductionOrderLimits.TrackingNumberLength)]
    public string? TrackingNumber { get; init; }
    [MaxLength(LabSubmissionLimits.UrlLength)]
    public string? TrackingUrl { get; init; }
    /// <summary>Why the lab rejected it, image by image.</summary>
    [MaxLength(LabSubmissionLimits.MaxErrors)]
    public required IReadOnlyList<LabSubmissionErrorResponse> Errors { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? RejectedAt { get; init; }
    public DateTimeOffset? ShippedAt { get; init; }
    /// <summary>Attempts at sending this round so far.</summary>
    public required int Attempts { get; init; }
    /// <summary>After a failed attempt, when the next one is due.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>The last attempt's error, until one succeeds.</summary>
    [MaxLength(WorkLease.ErrorMaxLength)]
    public string? LastError { get; init; }
    /// <summary>The attempt log, newest first (at most 100).</summary>
    [MaxLength(LabSubmissionLimits.MaxAttemptsListed)]
    public required IReadOnlyList<LabSubmissionAttemptResponse> AttemptLog { get; init; }

    public static LabSubmissionResponse From(LabSubmission s, IReadOnlyList<LabSubmissionAttempt> attempts) => new()
    {
        Id = s.Id,
        ProductionOrderId = s.ProductionOrderId,
        VendorId = s.VendorId,
        Protocol = s.Protocol,
        State = s.State,
        Round = s.Round,
        LabKey = s.LabKey,
        LabConfirmationId = s.LabConfirmationId,
        LabOrderNumber = s.LabOrderNumber,
        LabAnswer = s.LabAnswer,
        Carrier = s.Carrier,
        TrackingNumber = s.TrackingNumber,
        TrackingUrl = s.TrackingUrl,
        Errors = s.Errors.Select(e => new LabSubmissionErrorResponse { Code = e.Code, Message = e.Message, AssetUrl = e.AssetUrl, LineId = e.LineId }).ToList(),
        CreatedAt = Utc(s.CreatedAt),
        SubmittedAt = Utc(s.SubmittedAt),
        AcceptedAt = Utc(s.AcceptedAt),
        RejectedAt = Utc(s.RejectedAt),
        ShippedAt = Utc(s.ShippedAt),
        Attempts = s.Work.Attempts,
        NextAttemptAt = Utc(s.Work.NextAttemptAt),
        LastError = s.Work.LastError,
        AttemptLog = attempts.Select(a => new LabSubmissionAttemptResponse
        {
            Round = a.Round, Attempt = a.Attempt, StartedAt = Utc(a.StartedAt), FinishedAt = Utc(a.FinishedAt), Server = a.Server, Outcome = a.Outcome,
            Detail = a.Detail,
        }).ToList(),
    };

    static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}

public sealed class LabSubmissionErrorResponse
{
    /// <summary>The lab's error code (WHCC 400.03…).</summary>
    [MaxLength(20)]
    public string? Code { get; init; }
    [MaxLength(LabSubmissionLimits.AnswerLength)]
    public required string Message { get; init; }
    /// <summary>The asset URL the lab quoted.</summary>
    [MaxLength(2000)]
    public string? AssetUrl { get; init; }
    /// <summary>The production order's line whose image it is, when the lab named one of ours.</summary>
    public long? LineId { get; init; }
}

public sealed class LabSubmissionAttemptResponse
{
    public required int Round { get; init; }
    public required int Attempt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    [MaxLength(WorkLease.OwnerMaxLength)]
    public required string Server { get; init; }
    public required LabAttemptOutcome Outcome { get; init; }
    /// <summary>The lab's answer, or the error.</summary>
    [MaxLength(LabSubmissionLimits.AnswerLength)]
    public string? Detail { get; init; }
}
