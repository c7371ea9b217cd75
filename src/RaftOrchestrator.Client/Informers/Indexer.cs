using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// The thread-safe store behind an informer (client-go's cache.Indexer): objects by namespace/name, and indexes from
/// index values to the keys of the objects that produce them. Every index of <see cref="InformerIndexes"/> is
/// built in (namespace, label "k=v", owner uid); more can be added at any time. The objects stored are the ones
/// given (decoded once by the client): no copies are made, so readers share them and must not change them.
/// </summary>
/// <remarks>
/// One lock (<see cref="_gate"/>) guards the items and the indexes; index functions run under it, so they must be
/// pure and fast. An object's old index values are recomputed from the stored object when it is replaced, so
/// nothing per object is kept besides the object and its index entries. Readers get fresh lists (never a view).
/// </remarks>
public sealed partial class Indexer<T> where T : class, IKubernetesObject
{
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indices = new(StringComparer.Ordinal);

    public Indexer()
    {
        AddIndex(InformerIndexes.Namespace, static value => [value.Metadata.Namespace ?? ""]);
        AddIndex(InformerIndexes.Label, static value => value.Metadata.Labels?.Select(l => InformerIndexes.LabelValue(l.Key, l.Value)) ?? []);
        AddIndex(InformerIndexes.OwnerUid, static value => value.Metadata.OwnerReferences?.Select(o => o.Uid ?? "") ?? []);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public T? Get(string? @namespace, string name) => Get(new ObjectKey(string.IsNullOrEmpty(@namespace) ? null : @namespace, name));

    /// <summary>Every object, in no particular order.</summary>
    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>Objects of a namespace (null: all) matching a selector (null: all).</summary>
    public IReadOnlyList<T> List(string? @namespace, LabelSelectorMatcher? selector)
    {
        lock (_gate)
        {
            IEnumerable<T> scope = @namespace is null ? _items.Values : Lookup(InformerIndexes.Namespace, @namespace);
            return selector is null || selector.IsEmpty ? [.. scope] : [.. scope.Where(v => selector.Matches(v.Metadata.Labels))];
        }
    }

    /// <summary>Objects whose index function produced <paramref name="value"/>; an unknown index is a programming error.</summary>
    public IReadOnlyList<T> ByIndex(string index, string value)
    {
        lock (_gate)
        {
            if (!_indexers.ContainsKey(index))
            {
                throw new ArgumentException($"there is no index named {index}", nameof(index));
            }
            return [.. Lookup(index, value)];
        }
    }

    /// <summary>Adds an index and indexes the objects already stored.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> keys)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            if (!_indexers.TryAdd(name, keys))
            {
                throw new ArgumentException($"an index named {name} exists", nameof(name));
            }
            var index = new Dictionary<string, HashSet<ObjectKey>>(StringComparer.Ordinal);
            _indices[name] = index;
            foreach ((ObjectKey key, T value) in _items)
            {
                Insert(index, keys, key, value);
            }
        }
    }

    /// <summary>Stores the object (replacing the one of the same key); returns the one replaced, or null.</summary>
    public T? Upsert(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ObjectKey key = ObjectKey.Of(value);
        lock (_gate)
        {
            T? previous = _items.GetValueOrDefault(key);
            if (previous is not null)
            {
                Unindex(key, previous);
            }
            _items[key] = value;
            Index(key, value);
            return previous;
        }
    }

    /// <summary>Removes the object of the key; returns it, or null if there was none.</summary>
    public T? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out T? previous))
            {
                return null;
            }
            Unindex(key, previous);
            return previous;
        }
    }

    /// <summary>
    /// Replaces the whole content (after a list) and returns what changed, against what was stored: adds, updates
    /// (an object whose resourceVersion did not change keeps its stored instance and is not reported) and deletes.
    /// </summary>
    public IReadOnlyList<CacheChange<T>> Replace(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var changes = new List<CacheChange<T>>();
        lock (_gate)
        {
            var seen = new HashSet<ObjectKey>();
            foreach (T value in values)
            {
                ObjectKey key = ObjectKey.Of(value);
                seen.Add(key);
                T? previous = _items.GetValueOrDefault(key);
                if (previous is not null && previous.Metadata.ResourceVersion is { } rv && rv == value.Metadata.ResourceVersion)
                {
                    continue;
                }
                if (previous is not null)
                {
                    Unindex(key, previous);
                }
                _items[key] = value;
                Index(key, value);
                changes.Add(previous is null ? CacheChange.Added(value) : CacheChange.Updated(previous, value));
            }
            foreach (ObjectKey gone in _items.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _items.Remove(gone, out T? previous);
                Unindex(gone, previous!);
                changes.Add(CacheChange.Deleted(previous!));
            }
        }
        return changes;
    }
}
