using StudioApi.Platform.Background;


namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>Wakes the render worker: a run was queued.</summary>
public sealed class RenderWorkerSignal : WakeSignal;

/// <summary>Wakes the render-job dispatcher: a status changed.</summary>
public sealed class RenderJobSignal : WakeSignal;
