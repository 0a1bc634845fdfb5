namespace StudioApi.Features.Messaging.Outbox;

/// <summary>
/// Keeps each channel (e-mail, SMS) of this server under its messages-a-minute setting: a token bucket that refills at
/// the rate and holds up to ten seconds' worth (at least one), so a batch goes out evenly rather than in a burst a
/// provider would throttle. Per server, like the HTTP rate limits: several servers each send at the rate.
/// </summary>
public sealed class SendingRateLimiter(TimeProvider clock)
{
    readonly Lock gate = new();
    readonly Dictionary<string, Bucket> buckets = [];

    public async Task WaitAsync(string channel, int perMinute, CancellationToken ct)
    {
        var perSecond = Math.Max(1, perMinute) / 60.0;
        var capacity = Math.Max(1, perSecond * 10);
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (!buckets.TryGetValue(channel, out var bucket))
                    buckets[channel] = bucket = new Bucket { Tokens = capacity, At = now };
                bucket.Tokens = Math.Min(capacity, bucket.Tokens + (now - bucket.At).TotalSeconds * perSecond);
                bucket.At = now;
                if (bucket.Tokens >= 1)
                {
                    bucket.Tokens -= 1;
                    return;
                }
                wait = TimeSpan.FromSeconds((1 - bucket.Tokens) / perSecond);
            }
            await Task.Delay(wait, clock, ct);
        }
    }

    sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset At;
    }
}
