using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Clients;

/// <summary>One entry of a client's notes log.</summary>
public sealed class ClientNoteResponse
{
    public required long Id { get; init; }
    public required long ClientId { get; init; }
    [MaxLength(4000)]
    public required string Text { get; init; }
    /// <summary>Who wrote it: the username of the signed-in user (or API client).</summary>
    public required string Author { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static ClientNoteResponse From(ClientNote n) => new()
    {
        Id = n.Id,
        ClientId = n.ClientId,
        Text = n.Text,
        Author = n.Author,
        CreatedAt = n.CreatedAt,
    };
}
