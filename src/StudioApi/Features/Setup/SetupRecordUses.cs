namespace StudioApi.Features.Setup;

/// <summary>
/// How many live records of another area use a setup record (the sessions of a session type, the clients with a
/// relationship…), so that one in use is not deleted. The area holding the references answers, registered in its
/// <c>Add&lt;Area&gt;()</c>: Setup names no other area.
/// </summary>
public interface ISetupRecordUses<TRecord>
{
    Task<int> CountAsync(long id, CancellationToken ct);
}
