using StudioApi.Platform.Background;


namespace StudioApi.Features.Imaging.Images.Renditions;

/// <summary>Wakes the rendition worker as soon as an image is imported, instead of at its next poll.</summary>
public sealed class RenditionSignal : WakeSignal;
