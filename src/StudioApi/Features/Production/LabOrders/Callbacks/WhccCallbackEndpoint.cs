using FastEndpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Production.LabOrders.Whcc;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.LabOrders.Callbacks;

/// <summary>The raw body is read as text (IPlainTextRequest), exactly as signed; it is WHCC's JSON, not fields of ours.</summary>
public sealed class WhccCallbackRequest : IPlainTextRequest
{
    /// <summary>The vendor whose WHCC account the callback is for (its URL is registered with WHCC per vendor).</summary>
    public long VendorId { get; set; }
    [System.Text.Json.Serialization.JsonIgnore]
    public string Content { get; set; } = "";
}

public sealed class LabCallbackResponse
{
    /// <summary>true: the callback was taken (or had been already: each is processed once).</summary>
    public required bool Received { get; init; }
}

/// <summary>
/// WHCC's webhooks for a vendor (register <c>{base}/api/v1/lab-callbacks/whcc/{vendorId}</c> with WHCC's
/// /api/callback/create). Only a body whose WHCC-Signature verifies with the vendor's consumer secret, signed within
/// the tolerance, is taken (a forged, altered or stale one is a 400 and changes nothing); each is processed once.
/// WHCC's one unsigned post, the verifier it sends right after registration, is logged for the studio to confirm (as JSON;
/// a form-encoded one is refused by the content-type check, 415).
/// </summary>
public sealed class WhccCallbackEndpoint(StudioDbContext db, WhccOrderSubmitApi whcc, LabSecrets secrets, LabCallbackProcessor processor,
    TimeProvider clock, IOptions<LabOrderOptions> options, ILogger<WhccCallbackEndpoint> log) : Endpoint<WhccCallbackRequest, LabCallbackResponse>
{
    public const int MaxBodyBytes = 256 * 1024;

    public override void Configure()
    {
        Post("/lab-callbacks/whcc/{vendorId}");
        AllowAnonymous();
        // The anonymous body is read whole as text: Kestrel stops it at the limit (413) instead of reading up to its
        // default 30 MB; the length check below answers the same where the host does not enforce it (the test server).
        Options(b => b.WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)));
        Description(d => d
            .AcceptsRawBody("application/json", MaxBodyBytes)
            .Answers(StatusCodes.Status400BadRequest, "The WHCC-Signature does not verify: forged, altered, signed too long ago, or the vendor has no WHCC secret.")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The body is larger than any WHCC callback.")
            .Operation("LabOrders", "WhccCallback", "Receive WHCC's order callbacks",
                "Called by WHCC, not by front ends: the body is WHCC's Status (Processed: Accepted or Rejected with per-image errors) or Event "
                + "(Shipped, with carrier and tracking) webhook, verified by its WHCC-Signature (HMAC-SHA256 with the vendor's consumer secret; "
                + "400 when it does not verify). Accepted, rejected and shipped also move the production order to the status of its workflow "
                + "marked with that labEvent, if there is one (its status log names lab:whcc). "
                + "Each callback is processed once; one about no order of ours is acknowledged and ignored. "
                + "The one unsigned post WHCC makes, {\"verifier\": …} right after the address is registered, is acknowledged and logged "
                + "for the studio to send to WHCC's /api/callback/verify; it changes nothing."));
    }

    public override async Task HandleAsync(WhccCallbackRequest req, CancellationToken ct)
    {
        var body = req.Content;
        if (body.Length > MaxBodyBytes)
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A lab callback is at most {MaxBodyBytes} bytes.");
        if (VerifierOf(body) is { } verifier)
        {
            // Registration: WHCC posts a verifier to prove the address is ours (the one unsigned post); it changes nothing here.
            log.LogWarning("WHCC callback verifier for vendor {VendorId}: {Verifier} (send it to WHCC's /api/callback/verify)", req.VendorId, verifier);
            await Send.OkAsync(new LabCallbackResponse { Received = true }, ct);
            return;
        }
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == req.VendorId && v.LabProtocol == LabProtocol.Whcc, ct);
        var callback = vendor is null
            ? null
            : whcc.ReadCallback(body, HttpContext.Request.Headers, LabSubmissionQueue.CredentialsOf(vendor, secrets), clock.GetUtcNow(),
                TimeSpan.FromSeconds(options.Value.CallbackToleranceSeconds));
        if (callback is null)
            throw ApiProblem.InvalidInput(WhccOrderSubmitApi.SignatureHeader,
                "The callback's signature does not verify (forged, altered, signed too long ago, or the vendor has no WHCC consumer secret).");
        await processor.ApplyAsync("whcc", vendor!.Id, callback, ct);
        await Send.OkAsync(new LabCallbackResponse { Received = true }, ct);
    }

    /// <summary>The verifier of WHCC's registration post ({"verifier": "…"} and nothing else), or null.</summary>
    static string? VerifierOf(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject { Count: 1 } json
                   && json["verifier"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var verifier) && verifier.Length <= 100
                ? verifier
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
