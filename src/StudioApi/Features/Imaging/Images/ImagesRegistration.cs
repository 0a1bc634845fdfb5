using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.Images.Import;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.Images;

public static class ImagesRegistration
{
    public static IServiceCollection AddImages(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        // libvips loaders not fuzzed for untrusted input (e.g. ImageMagick, PDF, SVG) are refused outright.
        NetVips.NetVips.BlockUntrusted = true;

        var options = configuration.GetSection("Images").Get<ImageOptions>() ?? new ImageOptions();
        NetVips.NetVips.Concurrency = Math.Max(1, options.ThreadsPerWorker);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<IFileStore>(new LocalFileStore(dataDirectory));
        services.AddSingleton<RenditionSignal>();
        services.AddSingleton<RenditionMaker>();
        services.AddSingleton<ImageFiles>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<ContactSheet.ContactSheetRenderer>();
        services.AddScoped<SessionImageImporter>();
        services.AddHostedService<RenditionWorker>();
        return services;
    }
}
