namespace StudioApi.Tests.Infrastructure;

/// <summary>
/// Waits for what the app does in the background (renditions, render runs) by checking its observable outcome often,
/// so a test waits about as long as the work takes, never a fixed time.
/// </summary>
public static class Eventually
{
    static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);

    /// <summary>The first value <paramref name="check"/> returns that is not null; a TimeoutException saying <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> check, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = FirstPause;
        while (true)
        {
            if (await check() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(what());
            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; a TimeoutException saying <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ValueAsync<object>(async () => await condition() ? true : null, timeout, () => $"Still waiting for {what}.");
}
