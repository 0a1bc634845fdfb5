using System.Threading.Channels;

namespace StudioApi.Platform.Background;

/// <summary>
/// Wakes the loops of one kind of background work (renditions, render runs, render jobs…) as soon as there is work,
/// instead of at their next poll. Each kind has its own subclass, so each is one singleton in the container.
/// </summary>
public abstract class WakeSignal
{
    // One pending wake is enough: a woken loop keeps going until there is no work left.
    readonly Channel<bool> wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakes.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wakes.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
