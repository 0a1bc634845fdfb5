using StudioApi.Features.Production.Vendors;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>
/// One lab order API (WHCC's Order Submit API, Bay Photo's Order API v2): sends a lab order document, and reads the
/// lab's signed callbacks. Each adapter follows its lab's published documentation, named in its comments.
/// </summary>
public interface ILabAdapter
{
    LabProtocol Protocol { get; }

    /// <summary>
    /// Sends the order. <paramref name="submission"/> says what an attempt before got to (the lab's confirmation id);
    /// <paramref name="recordConfirmation"/> stores the lab's id for the order before the step that makes the lab
    /// produce it, so a retry after a crash goes on from there instead of ordering twice.
    /// Throws <see cref="LabRefusedException"/> when the lab refuses the order or our credentials (not worth retrying).
    /// <paramref name="md5ByLine"/> is each line's rendered file's MD5 (lowercase hex), for labs that check what they fetched.
    /// </summary>
    Task<LabSubmitted> SubmitAsync(LabSubmission submission, LabOrderDocument document, IReadOnlyDictionary<long, string> md5ByLine, LabCredentials credentials,
        Func<string, Task> recordConfirmation, CancellationToken ct);

    /// <summary>The callback, if its signature verifies with the vendor's secret and was made within the tolerance; null otherwise.</summary>
    LabCallback? ReadCallback(string body, IHeaderDictionary headers, LabCredentials credentials, DateTimeOffset now, TimeSpan tolerance);
}

/// <summary>A vendor's lab credentials, unsealed for one use; <see cref="ApiUrl"/> is the lab API's address.</summary>
public sealed record LabCredentials(string ApiUrl, string? Key, string? Secret, string? CallbackSecret, string? ShippingCode);

/// <summary>The lab took the order: its answer, its ids, and whether it had it already (an earlier attempt sent it).</summary>
public sealed record LabSubmitted(string Answer, string? ConfirmationId, string? LabOrderNumber, bool FoundAlready);

/// <summary>What a lab callback says about one order, found by the lab's confirmation id or our key.</summary>
public sealed record LabCallback(string EventId, string? ConfirmationId, string? LabKey, LabCallbackKind Kind, string? LabOrderNumber,
    IReadOnlyList<LabSubmissionError> Errors, string? Carrier, string? TrackingNumber, string? TrackingUrl, string Summary);

public enum LabCallbackKind
{
    Accepted,
    Rejected,
    Shipped,
    /// <summary>Something the API does not act on (a new event type): acknowledged, kept as the lab's answer.</summary>
    Other,
}

/// <summary>The lab refused the order or our credentials: sending it again as it is would fail the same way.</summary>
public sealed class LabRefusedException(string message, Exception? inner = null) : Exception(message, inner);
