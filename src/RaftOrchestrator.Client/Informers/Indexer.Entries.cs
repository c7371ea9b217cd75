namespace RaftOrchestrator.Client.Informers;

public sealed partial class Indexer<T>
{
    // Everything here runs under _gate.

    private IEnumerable<T> Lookup(string index, string value) =>
        _indices[index].TryGetValue(value, out HashSet<ObjectKey>? keys) ? keys.Select(k => _items[k]) : [];

    private void Index(ObjectKey key, T value)
    {
        foreach ((string name, Func<T, IEnumerable<string>> keys) in _indexers)
        {
            Insert(_indices[name], keys, key, value);
        }
    }

    private void Unindex(ObjectKey key, T value)
    {
        foreach ((string name, Func<T, IEnumerable<string>> keys) in _indexers)
        {
            Dictionary<string, HashSet<ObjectKey>> index = _indices[name];
            foreach (string indexValue in keys(value))
            {
                if (index.TryGetValue(indexValue, out HashSet<ObjectKey>? set) && set.Remove(key) && set.Count == 0)
                {
                    index.Remove(indexValue);
                }
            }
        }
    }

    private static void Insert(Dictionary<string, HashSet<ObjectKey>> index, Func<T, IEnumerable<string>> keys, ObjectKey key, T value)
    {
        foreach (string indexValue in keys(value))
        {
            if (!index.TryGetValue(indexValue, out HashSet<ObjectKey>? set))
            {
                set = [];
                index[indexValue] = set;
            }
            set.Add(key);
        }
    }
}
