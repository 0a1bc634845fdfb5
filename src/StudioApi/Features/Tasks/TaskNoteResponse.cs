using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Tasks;

/// <summary>One entry of a task's notes log.</summary>
public sealed class TaskNoteResponse
{
    public required long Id { get; init; }
    public required long TaskId { get; init; }
    [MaxLength(4000)]
    public required string Text { get; init; }
    /// <summary>Who wrote it: the username of the signed-in user (or API client).</summary>
    [MaxLength(100)]
    public required string Author { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static TaskNoteResponse From(TaskNote n) => new()
    {
        Id = n.Id,
        TaskId = n.TaskId,
        Text = n.Text,
        Author = n.Author,
        CreatedAt = n.CreatedAt,
    };
}
