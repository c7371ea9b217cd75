namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// A binary min-heap whose items are also found by key, so an item can be updated or removed where it sits
/// (kube-scheduler's internal heap). O(log n) add, pop, update and delete; O(1) lookup. Not thread-safe: the
/// scheduling queue's lock guards it.
/// </summary>
internal sealed class KeyedHeap<T>(Func<T, string> keyOf, IComparer<T> comparer) where T : class
{
    private readonly List<T> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public IEnumerable<T> Items => _items;

    public bool Contains(string key) => _index.ContainsKey(key);

    public T? Get(string key) => _index.TryGetValue(key, out int i) ? _items[i] : null;

    public T? Peek() => _items.Count > 0 ? _items[0] : null;

    /// <summary>Adds the item, or replaces the one with the same key and restores the order.</summary>
    public void AddOrUpdate(T item)
    {
        string key = keyOf(item);
        if (_index.TryGetValue(key, out int i))
        {
            _items[i] = item;
            Fix(i);
            return;
        }
        _items.Add(item);
        _index[key] = _items.Count - 1;
        Up(_items.Count - 1);
    }

    public T? Pop()
    {
        if (_items.Count == 0)
        {
            return null;
        }
        T top = _items[0];
        RemoveAt(0);
        return top;
    }

    public bool Remove(string key)
    {
        if (!_index.TryGetValue(key, out int i))
        {
            return false;
        }
        RemoveAt(i);
        return true;
    }

    public void Clear()
    {
        _items.Clear();
        _index.Clear();
    }

    private void RemoveAt(int i)
    {
        int last = _items.Count - 1;
        _index.Remove(keyOf(_items[i]));
        if (i != last)
        {
            _items[i] = _items[last];
            _index[keyOf(_items[i])] = i;
        }
        _items.RemoveAt(last);
        if (i < _items.Count)
        {
            Fix(i);
        }
    }

    private void Fix(int i)
    {
        if (!Up(i))
        {
            Down(i);
        }
    }

    private bool Up(int i)
    {
        int start = i;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (comparer.Compare(_items[i], _items[parent]) >= 0)
            {
                break;
            }
            Swap(i, parent);
            i = parent;
        }
        return i != start;
    }

    private void Down(int i)
    {
        while (true)
        {
            int left = 2 * i + 1;
            if (left >= _items.Count)
            {
                return;
            }
            int smallest = left + 1 < _items.Count && comparer.Compare(_items[left + 1], _items[left]) < 0 ? left + 1 : left;
            if (comparer.Compare(_items[smallest], _items[i]) >= 0)
            {
                return;
            }
            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_items[a], _items[b]) = (_items[b], _items[a]);
        _index[keyOf(_items[a])] = a;
        _index[keyOf(_items[b])] = b;
    }
}
