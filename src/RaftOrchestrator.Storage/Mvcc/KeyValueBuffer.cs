using System.Buffers;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// Collects a range's results in a pooled array and hands out one exactly-sized copy, so a read allocates
/// only its answer. Owned by one reader for one range; <see cref="ToArrayAndReturn"/> must be called once.
/// </summary>
internal struct KeyValueBuffer
{
    private KeyValue[]? _items;

    public int Count { get; private set; }

    public void Add(in KeyValue kv)
    {
        if (_items is null || Count == _items.Length)
        {
            KeyValue[] grown = ArrayPool<KeyValue>.Shared.Rent(Math.Max(16, Count * 2));
            if (_items is not null)
            {
                _items.AsSpan(0, Count).CopyTo(grown);
                ArrayPool<KeyValue>.Shared.Return(_items, clearArray: true);
            }
            _items = grown;
        }
        _items[Count++] = kv;
    }

    public readonly Span<KeyValue> Span => _items.AsSpan(0, Count);

    public void Truncate(int count) => Count = Math.Min(Count, count);

    public KeyValue[] ToArrayAndReturn()
    {
        if (_items is null)
        {
            return [];
        }
        KeyValue[] result = _items.AsSpan(0, Count).ToArray();
        ArrayPool<KeyValue>.Shared.Return(_items, clearArray: true);
        _items = null;
        return result;
    }
}
