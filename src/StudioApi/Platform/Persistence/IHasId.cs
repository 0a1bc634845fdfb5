namespace StudioApi.Platform.Persistence;

/// <summary>A stored row with a long id: what keyset paging needs to break ties in a stable order.</summary>
public interface IHasId
{
    long Id { get; }
}
