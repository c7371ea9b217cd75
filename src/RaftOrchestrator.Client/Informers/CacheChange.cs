namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// One change of an informer's cache, as its handlers see it: an add (no previous), an update (both; the same
/// instance twice for a resync), or a delete (no current).
/// </summary>
public readonly record struct CacheChange<T>(T? Previous, T? Current) where T : class;

/// <summary>Makes <see cref="CacheChange{T}"/>s.</summary>
public static class CacheChange
{
    public static CacheChange<T> Added<T>(T value) where T : class => new(null, value);

    public static CacheChange<T> Updated<T>(T previous, T current) where T : class => new(previous, current);

    public static CacheChange<T> Deleted<T>(T value) where T : class => new(value, null);
}
