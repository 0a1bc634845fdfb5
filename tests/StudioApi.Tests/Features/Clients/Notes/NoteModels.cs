namespace StudioApi.Tests.Features.Clients.Notes;

/// <summary>An entry of any record's notes log (clients, sessions, tasks share one notes mechanism).</summary>
public sealed record NoteBody(long Id, long RecordId, string Text, string Author, DateTimeOffset CreatedAt);

public sealed record NotePage(List<NoteBody> Items, string? NextCursor);
