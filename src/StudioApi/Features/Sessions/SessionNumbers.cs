using StudioApi.Api.Problems;

namespace StudioApi.Features.Sessions;

public static class SessionNumbers
{
    public static ApiProblem Taken(int number) =>
        ApiProblem.Conflict($"Session number {number} is already taken by another session.",
            new Dictionary<string, object?> { ["number"] = number });
}
