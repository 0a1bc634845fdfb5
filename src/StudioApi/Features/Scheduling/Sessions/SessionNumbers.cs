using StudioApi.Platform.Http.Problems;


namespace StudioApi.Features.Scheduling.Sessions;

public static class SessionNumbers
{
    public static ApiProblem Taken(int number) =>
        ApiProblem.Conflict($"Session number {number} is already taken by another session.",
            new Dictionary<string, object?> { ["number"] = number });
}
