using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Testing;

/// <summary>
/// The objects of one kind as a small MVCC model: each key keeps its versions since the compaction point (etcd's
/// key index), and a log of changes feeds watches. Not thread-safe: every member is called with the cluster's lock
/// held (<see cref="InMemoryClusterClient"/> owns that lock and the revision counter).
/// </summary>
/// <remarks>
/// Example: a pod created at 5, updated at 8 and deleted at 11 has versions [5, 8, 11(tombstone)]; a read at 9 sees
/// version 8, one at 12 sees nothing. Compacting at 9 keeps [8, 11] (the newest version at or below 9 still answers
/// reads at 9) and drops log entries up to 9, so a watch must start after 9; compacting at 11 drops the key.
/// </remarks>
internal sealed class KindStore<T> where T : class, IKubernetesObject, new()
{
    private readonly SortedDictionary<string, List<StoredVersion>> _keys = new(StringComparer.Ordinal);
    private readonly List<StoredChange> _log = [];
    private readonly List<InMemoryWatch<T>> _watches = [];

    public KindStore(ResourceDescriptor<T> descriptor) => Descriptor = descriptor;

    public ResourceDescriptor<T> Descriptor { get; }

    public ResourceStrategy<T> Strategy => Descriptor.Strategy;

    public IReadOnlyList<InMemoryWatch<T>> Watches => _watches;

    public string Key(string? ns, string name) => Descriptor.Namespaced ? $"{ns}/{name}" : name;

    public StoredVersion? Current(string key) => At(key, long.MaxValue);

    /// <summary>The live version of a key as of a revision; null when absent or deleted then.</summary>
    public StoredVersion? At(string key, long revision)
    {
        if (!_keys.TryGetValue(key, out List<StoredVersion>? versions))
        {
            return null;
        }
        for (int i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].Revision <= revision)
            {
                return versions[i].IsTombstone ? null : versions[i];
            }
        }
        return null;
    }

    /// <summary>The live objects of a namespace (null: all) as of a revision, in key order, after a key (exclusive).</summary>
    public IEnumerable<(string Key, StoredVersion Version)> Scan(string? ns, long revision, string? after)
    {
        string? prefix = Descriptor.Namespaced && ns is not null ? ns + "/" : null;
        foreach (string key in _keys.Keys)
        {
            if ((prefix is not null && !key.StartsWith(prefix, StringComparison.Ordinal))
                || (after is not null && string.CompareOrdinal(key, after) <= 0))
            {
                continue;
            }
            if (At(key, revision) is { } version)
            {
                yield return (key, version);
            }
        }
    }

    public void Put(string key, byte[] bytes, long revision)
    {
        byte[]? previous = Current(key)?.Bytes;
        Versions(key).Add(new StoredVersion(revision, bytes));
        Publish(new StoredChange(revision, bytes, previous));
    }

    public void Remove(string key, long revision)
    {
        byte[] previous = Current(key)?.Bytes ?? throw new InvalidOperationException($"{key} is not stored");
        Versions(key).Add(new StoredVersion(revision, null));
        Publish(new StoredChange(revision, null, previous));
    }

    /// <summary>Changes after a revision, oldest first (the caller checked it is not below the compaction point).</summary>
    public IEnumerable<StoredChange> ChangesAfter(long revision) => _log.Where(c => c.Revision > revision);

    public void Compact(long revision)
    {
        _log.RemoveAll(c => c.Revision <= revision);
        foreach (string key in _keys.Keys.ToList())
        {
            List<StoredVersion> versions = _keys[key];
            int newestAtOrBelow = versions.FindLastIndex(v => v.Revision <= revision);
            if (newestAtOrBelow > 0)
            {
                versions.RemoveRange(0, newestAtOrBelow);
            }
            if (versions.Count == 1 && versions[0].IsTombstone && versions[0].Revision <= revision)
            {
                _keys.Remove(key);
            }
        }
    }

    public void AddWatch(InMemoryWatch<T> watch) => _watches.Add(watch);

    public void RemoveWatch(InMemoryWatch<T> watch) => _watches.Remove(watch);

    /// <summary>The stored form: apiVersion and kind filled, resourceVersion cleared (it is the revision, not data).</summary>
    public byte[] Encode(T value)
    {
        value.ApiVersion = Descriptor.ApiVersion;
        value.Kind = Descriptor.Kind;
        value.Metadata.ResourceVersion = null;
        return ApiMessagePack.Serialize(value);
    }

    /// <summary>A fresh object (the caller's to change) with its type and resourceVersion (<paramref name="revision"/>) set.</summary>
    public T Decode(byte[] bytes, long revision)
    {
        T value = ApiMessagePack.Deserialize<T>(bytes);
        value.ApiVersion = Descriptor.ApiVersion;
        value.Kind = Descriptor.Kind;
        value.Metadata.ResourceVersion = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }

    private List<StoredVersion> Versions(string key)
    {
        if (!_keys.TryGetValue(key, out List<StoredVersion>? versions))
        {
            versions = [];
            _keys[key] = versions;
        }
        return versions;
    }

    private void Publish(StoredChange change)
    {
        _log.Add(change);
        foreach (InMemoryWatch<T> watch in _watches)
        {
            watch.Deliver(change, this);
        }
    }
}
