namespace StudioApi.Platform.Background;

/// <summary>
/// How one kind of background work runs: the <c>Background:&lt;Kind&gt;</c> configuration section (for example
/// <c>Background:Renditions:Workers</c>) over the defaults its area gives when it registers the kind.
/// </summary>
public sealed class WorkerSettings
{
    /// <summary>Loops working at once in this server; 0 switches the kind off here.</summary>
    public int Workers { get; set; } = 1;
    /// <summary>How often an idle loop looks for work besides being woken.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>How long a claim holds a record; renewed every third of it while the work goes on.</summary>
    public double LeaseSeconds { get; set; } = 120;
    /// <summary>Attempts before a record is given up as failed (queues only: a stream never skips an entry).</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>The wait after the first failed attempt; it doubles with each further one.</summary>
    public double BackoffSeconds { get; set; } = 10;
    /// <summary>The longest wait between two attempts.</summary>
    public double MaxBackoffSeconds { get; set; } = 3600;

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.05, PollSeconds));
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
    public TimeSpan Renewal => Lease / 3;

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1, 2…): Backoff × 2^(attempt − 1), capped.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var seconds = Math.Max(0, BackoffSeconds) * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(0, MaxBackoffSeconds)));
    }

    /// <summary>These defaults with the kind's configuration section bound over them.</summary>
    public WorkerSettings BoundTo(IConfiguration configuration, string kind)
    {
        var bound = (WorkerSettings)MemberwiseClone();
        configuration.GetSection($"Background:{kind}").Bind(bound);
        return bound;
    }
}
