namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>The <c>Rendering</c> configuration section.</summary>
public sealed class RenderingOptions
{
    /// <summary>How many runs render at once; each uses one core at a time, so renders never starve the API.</summary>
    public int Workers { get; set; } = 1;
    /// <summary>How often the worker and the render-job dispatcher look for work besides being woken.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>How long a worker holds a run between two images before another server may take it over.</summary>
    public double LeaseSeconds { get; set; } = 120;
}
