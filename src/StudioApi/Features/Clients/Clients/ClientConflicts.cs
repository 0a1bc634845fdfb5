using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Clients;

/// <summary>The unique values of a client, and the 409 a caller gets when another live client holds one.</summary>
public static class ClientConflicts
{
    public static ApiProblem? Describe(DbUpdateException exception, Client client)
    {
        if (exception.IsUniqueViolation("Clients", "Number"))
            return ApiProblem.Conflict($"Client number {client.Number} is already taken by another client.",
                new Dictionary<string, object?> { ["number"] = client.Number });
        if (exception.IsUniqueViolation("Clients", "StudentOrganizationId"))
            return ApiProblem.Conflict(
                $"Student id {client.Student?.StudentId} is already taken by another student of organization {client.Student?.OrganizationId}.",
                new Dictionary<string, object?> { ["studentId"] = client.Student?.StudentId });
        return null;
    }
}
