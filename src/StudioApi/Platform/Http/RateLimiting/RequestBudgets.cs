using System.Collections.Concurrent;

namespace StudioApi.Platform.Http.RateLimiting;

/// <summary>What one request drew from one budget: whether it was within it, what is left, and when the window starts over.</summary>
public readonly record struct BudgetUse(RateLimitPolicy Policy, bool Allowed, int Remaining, TimeSpan ResetIn);

/// <summary>
/// Fixed windows per policy and partition (a user, an address): a window starts with its first request and allows the
/// policy's quota until it ends. Kept in memory per instance. Unlike System.Threading.RateLimiting's limiters this
/// can tell every request how much is left and when the window ends, which the rate-limit headers need.
/// </summary>
public sealed class RequestBudgets(IReadOnlyList<RateLimitPolicy> policies, TimeProvider time)
{
    sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Used;
        /// <summary>Swept away: a request that still found it takes a fresh window instead.</summary>
        public bool Removed;
    }

    readonly Dictionary<string, RateLimitPolicy> byName = policies.ToDictionary(p => p.Name);
    readonly ConcurrentDictionary<(string Policy, string Partition), Window> windows = new();
    readonly TimeSpan sweepEvery = policies.Max(p => p.Window);
    long lastSweepTicks = time.GetUtcNow().UtcTicks;

    /// <summary>
    /// Takes one request from the caller's overall budget and, if it was within that, from <paramref name="extraPolicy"/>
    /// too. A refused request has the refusing budget last.
    /// </summary>
    public IReadOnlyList<BudgetUse> Take(HttpContext context, string? extraPolicy)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var overall = Take(byName[RateLimits.CallerPolicy], context, now);
        if (!overall.Allowed || extraPolicy is null)
            return [overall];
        return [overall, Take(byName[extraPolicy], context, now)];
    }

    BudgetUse Take(RateLimitPolicy policy, HttpContext context, DateTimeOffset now)
    {
        var key = (policy.Name, policy.PartitionKey(context));
        while (true)
        {
            var window = windows.GetOrAdd(key, _ => new Window(now));
            lock (window)
            {
                if (window.Removed)
                    continue;
                if (now >= window.Start + policy.Window)
                {
                    window.Start = now;
                    window.Used = 0;
                }
                var allowed = window.Used < policy.Quota;
                if (allowed)
                    window.Used++;
                return new BudgetUse(policy, allowed, policy.Quota - window.Used, window.Start + policy.Window - now);
            }
        }
    }

    /// <summary>Forgets windows that have ended, so callers seen once do not stay in memory.</summary>
    void SweepIfDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastSweepTicks);
        if (now.UtcTicks - last < sweepEvery.Ticks || Interlocked.CompareExchange(ref lastSweepTicks, now.UtcTicks, last) != last)
            return;
        foreach (var (key, window) in windows)
            lock (window)
            {
                if (now < window.Start + byName[key.Policy].Window)
                    continue;
                window.Removed = true;
                windows.TryRemove(key, out _);
            }
    }
}
