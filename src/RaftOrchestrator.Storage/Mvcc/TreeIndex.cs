namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The ordered in-memory index of every key with retained versions: a B+tree of <see cref="KeyIndex"/>
/// (etcd's treeIndex over google/btree, degree 32). Leaves are linked for range scans. Every node keeps
/// an 8-byte big-endian prefix of each key inline (<see cref="KeyPrefix"/>), taken after the head the
/// node's keys share (<see cref="Node"/>), so a binary search compares integers from one array and
/// touches a key's bytes only when prefixes tie.
///
/// Deletion frees a node when it becomes empty and does not rebalance half-empty ones: keys leave the
/// tree only through compaction, and a later insert refills the gap. Depth stays logarithmic in the
/// number of keys ever inserted at the same time.
///
/// Not thread-safe: the owner (<see cref="KvStore"/>) serialises the writer against readers.
/// </summary>
internal sealed partial class TreeIndex
{
    internal const int LeafCapacity = 64;
    internal const int InnerCapacity = 64;

    private Node _root = new Leaf();
    private int _depth = 1;
    /// <summary>The writer's scratch path from root to leaf, reused by every insert and remove (one writer).</summary>
    private PathStep[] _path = new PathStep[4];

    public int Count { get; private set; }

    public KeyIndex? Get(ReadOnlySpan<byte> key)
    {
        Leaf leaf = FindLeaf(key, path: null);
        int i = leaf.LowerBound(key);
        return i < leaf.Count && leaf.Items[i].Key.AsSpan().SequenceEqual(key) ? leaf.Items[i] : null;
    }

    /// <summary>Returns the index of <paramref name="key"/>, inserting an empty one (copying the key) if absent.</summary>
    public KeyIndex GetOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        PathStep[] path = ScratchPath();
        Leaf leaf = FindLeaf(key, path);
        int i = leaf.LowerBound(key);
        if (i < leaf.Count && leaf.Items[i].Key.AsSpan().SequenceEqual(key))
        {
            added = false;
            return leaf.Items[i];
        }
        var index = new KeyIndex(key.ToArray());
        InsertIntoLeaf(leaf, i, index, path);
        Count++;
        added = true;
        return index;
    }

    /// <summary>Removes <paramref name="key"/>; returns false if it was not there.</summary>
    public bool Remove(ReadOnlySpan<byte> key)
    {
        PathStep[] path = ScratchPath();
        Leaf leaf = FindLeaf(key, path);
        int i = leaf.LowerBound(key);
        if (i >= leaf.Count || !leaf.Items[i].Key.AsSpan().SequenceEqual(key))
        {
            return false;
        }
        leaf.RemoveAt(i);
        Count--;
        if (leaf.Count == 0 && _depth > 1)
        {
            RemoveEmptyNode(leaf, path, _depth - 2);
        }
        return true;
    }

    /// <summary>A cursor at the first key ≥ <paramref name="start"/>.</summary>
    public Cursor Seek(ReadOnlySpan<byte> start)
    {
        Leaf leaf = FindLeaf(start, path: null);
        return new Cursor(leaf, leaf.LowerBound(start));
    }

    /// <summary>Forward iteration over the linked leaves. Invalidated by any write to the tree.</summary>
    public struct Cursor
    {
        private Leaf? _leaf;
        private int _index;

        internal Cursor(Leaf leaf, int index)
        {
            _leaf = leaf;
            _index = index - 1;
            Current = null!;
        }

        public KeyIndex Current { get; private set; }

        public bool MoveNext()
        {
            while (_leaf is not null)
            {
                if (++_index < _leaf.Count)
                {
                    Current = _leaf.Items[_index];
                    return true;
                }
                _leaf = _leaf.Next;
                _index = -1;
            }
            Current = null!;
            return false;
        }
    }

    private PathStep[] ScratchPath()
    {
        if (_path.Length < _depth)
        {
            _path = new PathStep[_depth * 2];
        }
        return _path;
    }

    private Leaf FindLeaf(ReadOnlySpan<byte> key, PathStep[]? path)
    {
        Node node = _root;
        int level = 0;
        while (node is Inner inner)
        {
            int child = inner.ChildFor(key);
            if (path is not null)
            {
                path[level] = new PathStep(inner, child);
            }
            level++;
            node = inner.Children[child];
        }
        return (Leaf)node;
    }
}
