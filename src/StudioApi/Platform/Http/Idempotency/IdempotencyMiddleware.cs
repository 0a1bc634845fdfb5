using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Idempotency;

/// <summary>Marks an endpoint whose POST honours Idempotency-Key (creates, charges, bookings, bulk calls, uploads).</summary>
public sealed class AcceptsIdempotencyKey
{
    /// <summary>
    /// The body is a large stream (an image upload): it is neither buffered to be hashed nor run inside one transaction.
    /// The fingerprint is the declared length instead, and the endpoint is safe to re-run without the transaction (an
    /// import finds the files it already stored by their SHA-256 and reports them as duplicates).
    /// </summary>
    public bool StreamedBody { get; init; }

    /// <summary>The key is required (payments, refunds): a request without one is refused with a 400 naming the header.</summary>
    public bool Required { get; init; }
}

public static class IdempotencyEndpointExtensions
{
    public const string Header = "Idempotency-Key";

    /// <summary>Says an answer is the replay of the first one for its key ("true").</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder, bool streamedBody = false, bool required = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptsIdempotencyKey { StreamedBody = streamedBody, Required = required });
}

/// <summary>
/// Retries do not duplicate. For a POST carrying Idempotency-Key on an endpoint that accepts one:
/// the same key and body replays the first response; the same key with another body is a 422;
/// the same key while the first request is still running is a 409. The key is claimed before the work runs (by this
/// server, so that it releases the claim at once should it die and restart, see <see cref="IdempotencyRetention"/>),
/// and the response is stored in the same transaction as the write, so a crash leaves either both or neither.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StudioDbContext db, IOptions<IdempotencySettings> options, BackgroundInstance instance)
    {
        var takeover = TimeSpan.FromSeconds(Math.Max(1, options.Value.TakeoverSeconds));
        var accepts = HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<AcceptsIdempotencyKey>() : null;
        // A blank key counts as none: generated clients (NSwag's fetch client) send the header empty when it is omitted.
        var keyText = context.Request.Headers[IdempotencyEndpointExtensions.Header].ToString();
        if (accepts is null || string.IsNullOrWhiteSpace(keyText))
        {
            if (accepts is { Required: true })
                throw ApiProblem.InvalidInput(IdempotencyEndpointExtensions.Header,
                    "This request moves money: send an Idempotency-Key header (any unique text, such as a UUID), so that a retry is never carried out twice.");
            await next(context);
            return;
        }

        var key = keyText.Trim();
        if (key.Length > 200)
            throw ApiProblem.InvalidInput(IdempotencyEndpointExtensions.Header, "Idempotency-Key must be 1 to 200 characters.");

        var scope = $"{context.User.FindFirst("sub")?.Value ?? "anonymous"} {context.Request.Path}";
        var hash = accepts.StreamedBody
            ? Fingerprint(context.Request.Method, $"{context.Request.Path}{context.Request.QueryString}",
                System.Text.Encoding.UTF8.GetBytes($"streamed {context.Request.ContentLength}"))
            : await HashRequestAsync(context.Request);

        var existing = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
        if (existing is not null && existing.CreatedAt < db.UtcNow - IdempotencyRetention.KeptFor)
        {
            // Expired but not yet swept: the key is free again.
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            if (existing.RequestHash != hash)
                throw ApiProblem.RuleBroken("This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
            if (existing.Completed)
            {
                await ReplayAsync(context, existing);
                return;
            }
            if (existing.CreatedAt > db.UtcNow - takeover)
                throw InFlight(db.UtcNow - existing.CreatedAt, takeover);
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
        }

        var claim = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = db.UtcNow, Owner = instance.Id };
        db.IdempotencyRecords.Add(claim);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw InFlight(TimeSpan.Zero, takeover); // another request with this key claimed it a moment ago
        }

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var committed = false;
        try
        {
            // A streamed upload can take minutes: it must not hold a database transaction (on SQLite, the write lock) that long.
            await using var transaction = accepts.StreamedBody ? null : await db.Database.BeginTransactionAsync(context.RequestAborted);
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                claim.Completed = true;
                claim.StatusCode = context.Response.StatusCode;
                claim.ContentType = context.Response.ContentType;
                claim.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
                claim.ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null;
                claim.ResponseBody = captured.ToArray();
                await db.SaveChangesAsync(context.RequestAborted);
                if (transaction is not null)
                    await transaction.CommitAsync(context.RequestAborted);
                committed = true;
            }
        }
        finally
        {
            context.Response.Body = originalBody;
            if (!committed)
            {
                // The request failed (or was refused): release the key so a corrected retry can run.
                db.ChangeTracker.Clear();
                await db.IdempotencyRecords.Where(r => r.Id == claim.Id).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    /// <summary>
    /// 409 with Retry-After: a request that has run for a while will likely run as long again, so the wait grows with
    /// its age, and never goes past the moment its claim may be taken over (its server died).
    /// </summary>
    static ApiProblem InFlight(TimeSpan age, TimeSpan takeover) =>
        ApiProblem.Conflict("A request with this Idempotency-Key is still being processed. Retry after the Retry-After delay to get its result.")
            .WithRetryAfter(age < takeover - age ? age : takeover - age);

    static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Fingerprint(request.Method, $"{request.Path}{request.QueryString}", body.ToArray());
    }

    /// <summary>What makes two requests "the same" for a key: method, path with query, and the exact body bytes.</summary>
    internal static string Fingerprint(string method, string pathAndQuery, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{method} {pathAndQuery}\n"));
        sha.AppendData(body);
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.StatusCode;
        if (record.ContentType is not null)
            context.Response.ContentType = record.ContentType;
        if (record.Location is not null)
            context.Response.Headers.Location = record.Location;
        if (record.ETag is not null)
            context.Response.Headers.ETag = record.ETag;
        context.Response.Headers[IdempotencyEndpointExtensions.ReplayedHeader] = "true";
        if (record.ResponseBody is { Length: > 0 } body)
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

/// <summary>Idempotency settings (section Idempotency).</summary>
public sealed class IdempotencySettings
{
    /// <summary>
    /// How long a claimed key whose request never finished (its server died mid-request) blocks retries before a retry
    /// may run it afresh. Longer than the slowest request a key guards. A server that restarts releases its own
    /// unfinished claims at once (see <see cref="IdempotencyRetention"/>); this is the wait for another server's.
    /// </summary>
    public int TakeoverSeconds { get; set; } = 120;
}
