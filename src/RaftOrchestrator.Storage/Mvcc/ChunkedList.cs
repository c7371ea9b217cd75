namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// An append-only sequence addressed by absolute position that can drop a prefix cheaply: items live in
/// fixed-size chunks, so appending never copies and trimming frees whole chunks. Positions stay stable
/// across trims (position p is always the p-th item ever appended).
/// Not thread-safe; the owner serialises access.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<T[]?> _chunks = [];
    private long _start;

    /// <summary>One past the last position appended.</summary>
    public long End { get; private set; }

    /// <summary>The first position still held.</summary>
    public long Start => _start;

    public long Count => End - _start;

    public void Add(T item)
    {
        int chunk = (int)(End >> ChunkShift);
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new T[ChunkSize]);
        }
        _chunks[chunk]![End & ChunkMask] = item;
        End++;
    }

    public ref T this[long position]
    {
        get
        {
            if (position < _start || position >= End)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }
            return ref _chunks[(int)(position >> ChunkShift)]![position & ChunkMask];
        }
    }

    /// <summary>Forgets every position below <paramref name="position"/>: whole chunks are dropped, a partial one cleared.</summary>
    public void TrimBefore(long position)
    {
        position = Math.Min(position, End);
        if (position <= _start)
        {
            return;
        }
        int firstChunk = (int)(_start >> ChunkShift);
        int keptChunk = (int)(position >> ChunkShift);
        for (int c = firstChunk; c < keptChunk; c++)
        {
            _chunks[c] = null;
        }
        if (keptChunk < _chunks.Count && _chunks[keptChunk] is T[] partial)
        {
            int from = firstChunk == keptChunk ? (int)(_start & ChunkMask) : 0;
            Array.Clear(partial, from, (int)(position & ChunkMask) - from);
        }
        _start = position;
    }
}
