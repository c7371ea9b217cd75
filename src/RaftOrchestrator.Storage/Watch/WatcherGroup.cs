namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// A set of watchers indexed for "who watches this key" (etcd's watcherGroup): single-key watchers by key,
/// range watchers in a list scanned per event. Not thread-safe; guarded by the hub's lock.
/// </summary>
internal sealed class WatcherGroup
{
    private readonly Dictionary<byte[], List<Watcher>> _byKey = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], List<Watcher>>.AlternateLookup<ReadOnlySpan<byte>> _byKeySpan;
    private readonly List<Watcher> _ranges = [];

    public WatcherGroup() => _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<byte>>();

    public int Count { get; private set; }

    public void Add(Watcher watcher)
    {
        if (watcher.Range.IsSingleKey)
        {
            if (!_byKeySpan.TryGetValue(watcher.Range.Key.Span, out List<Watcher>? list))
            {
                list = [];
                _byKeySpan[watcher.Range.Key.Span] = list;
            }
            list.Add(watcher);
        }
        else
        {
            _ranges.Add(watcher);
        }
        Count++;
    }

    public bool Remove(Watcher watcher)
    {
        bool removed;
        if (watcher.Range.IsSingleKey)
        {
            removed = _byKeySpan.TryGetValue(watcher.Range.Key.Span, out List<Watcher>? list) && list.Remove(watcher);
            if (removed && list!.Count == 0)
            {
                _byKeySpan.Remove(watcher.Range.Key.Span);
            }
        }
        else
        {
            removed = _ranges.Remove(watcher);
        }
        if (removed)
        {
            Count--;
        }
        return removed;
    }

    /// <summary>Adds every watcher whose range contains <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void CollectMatching(ReadOnlySpan<byte> key, List<Watcher> into)
    {
        if (_byKeySpan.TryGetValue(key, out List<Watcher>? exact))
        {
            into.AddRange(exact);
        }
        foreach (Watcher w in _ranges)
        {
            if (w.Range.Contains(key))
            {
                into.Add(w);
            }
        }
    }

    public IEnumerable<Watcher> All => _byKey.Values.SelectMany(l => l).Concat(_ranges);
}
