using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>Puts a PDF into the print queue: the file into the store first, then the print job that points at it.</summary>
public sealed class PrintQueue(StudioDbContext db, IFileStore store)
{
    /// <summary>Adds the job (not saved: the caller saves it with the rest of its transaction).</summary>
    public async Task<PrintJob> AddAsync(PrintJobKind kind, string title, byte[] pdf, int pages, DateOnly? date, long? communicationId, CancellationToken ct)
    {
        using var temp = store.CreateTempFile(kind.ToString().ToLowerInvariant());
        await File.WriteAllBytesAsync(temp.Path, pdf, ct);
        var job = new PrintJob
        {
            Kind = kind, Title = title.Length <= 200 ? title : title[..200], CommunicationId = communicationId, Date = date,
            StorageKey = PrintJob.KeyFor(kind), Bytes = pdf.Length, Pages = pages,
        };
        // A crash after the file and before the row leaves a spare file, which the storage reconciler quarantines.
        await store.PutAsync(job.StorageKey, temp, ct);
        db.PrintJobs.Add(job);
        return job;
    }
}
