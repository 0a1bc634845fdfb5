using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>
/// What may stop a session from going to the recycle bin. Today nothing does; when invoices land, a session with
/// paid invoices is refused here, each one listed (e.g. "invoice 1042 (paid 150.00)").
/// </summary>
public static class SessionDeletion
{
    public static Task<List<string>> FindBlockersAsync(StudioDbContext db, Session session, CancellationToken ct) =>
        Task.FromResult(new List<string>());
}
