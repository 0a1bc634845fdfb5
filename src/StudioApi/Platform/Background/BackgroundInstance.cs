using System.Security.Cryptography;
using System.Text;

namespace StudioApi.Platform.Background;

/// <summary>
/// Who this server is to the background-work engine: the owner written into every lease it takes. Stable across
/// restarts of the same server, so at start it can take back at once what it held when it stopped
/// (<see cref="WorkQueue{TRecord}"/>), instead of waiting for those leases to run out. <c>Background:InstanceId</c>
/// sets it; by default it is the machine's name and a hash of the data directory (which resolves the content root),
/// so two servers on one machine with their own data directories differ. Two servers running at once must never
/// share an id: each would take back what the other is working on.
/// </summary>
public sealed class BackgroundInstance(string id)
{
    public string Id { get; } = id;

    public static BackgroundInstance From(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Background:InstanceId"]?.Trim();
        if (!string.IsNullOrEmpty(configured))
            return configured.Length <= WorkLease.OwnerMaxLength
                ? new BackgroundInstance(configured)
                : throw new InvalidOperationException($"Background:InstanceId is longer than {WorkLease.OwnerMaxLength} characters.");

        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..12];
        var machine = Environment.MachineName;
        if (machine.Length > WorkLease.OwnerMaxLength - hash.Length - 1)
            machine = machine[..(WorkLease.OwnerMaxLength - hash.Length - 1)];
        return new BackgroundInstance($"{machine}-{hash}");
    }
}
