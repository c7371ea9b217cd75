namespace RaftOrchestrator.Storage.Mvcc;

internal sealed partial class TreeIndex
{
    private readonly record struct PathStep(Inner Node, int Child);

    internal abstract class Node
    {
        public int Count;
        public ulong[] Prefixes = null!;
    }

    /// <summary>Items[0..Count) sorted by key; Prefixes[i] is the prefix of Items[i].Key.</summary>
    internal sealed class Leaf : Node
    {
        public KeyIndex[] Items = new KeyIndex[LeafCapacity];
        public Leaf? Next;
        public Leaf? Prev;

        public Leaf() => Prefixes = new ulong[LeafCapacity];

        /// <summary>The first position whose key is ≥ <paramref name="key"/>.</summary>
        public int LowerBound(ulong prefix, ReadOnlySpan<byte> key)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                ulong p = Prefixes[mid];
                bool less = p != prefix ? p < prefix : Items[mid].Key.AsSpan().SequenceCompareTo(key) < 0;
                if (less)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo;
        }

        public void InsertAt(int i, ulong prefix, KeyIndex item)
        {
            Array.Copy(Items, i, Items, i + 1, Count - i);
            Array.Copy(Prefixes, i, Prefixes, i + 1, Count - i);
            Items[i] = item;
            Prefixes[i] = prefix;
            Count++;
        }

        public void RemoveAt(int i)
        {
            Count--;
            Array.Copy(Items, i + 1, Items, i, Count - i);
            Array.Copy(Prefixes, i + 1, Prefixes, i, Count - i);
            Items[Count] = null!;
        }
    }

    /// <summary>
    /// Children[0..Count). For i ≥ 1, Keys[i] (prefix Prefixes[i]) is a lower bound of every key under
    /// Children[i] and above every key under Children[i-1]; Keys[0] is unused.
    /// </summary>
    internal sealed class Inner : Node
    {
        public byte[][] Keys = new byte[InnerCapacity][];
        public Node[] Children = new Node[InnerCapacity];

        public Inner() => Prefixes = new ulong[InnerCapacity];

        public int ChildFor(ulong prefix, ReadOnlySpan<byte> key)
        {
            // The last child whose lower bound is ≤ key.
            int lo = 1, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                ulong p = Prefixes[mid];
                bool atOrBelow = p != prefix ? p < prefix : Keys[mid].AsSpan().SequenceCompareTo(key) <= 0;
                if (atOrBelow)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo - 1;
        }

        public void InsertAt(int i, byte[] lowerBound, ulong prefix, Node child)
        {
            Array.Copy(Children, i, Children, i + 1, Count - i);
            Array.Copy(Keys, i, Keys, i + 1, Count - i);
            Array.Copy(Prefixes, i, Prefixes, i + 1, Count - i);
            Children[i] = child;
            Keys[i] = lowerBound;
            Prefixes[i] = prefix;
            Count++;
        }

        public void RemoveAt(int i)
        {
            Count--;
            Array.Copy(Children, i + 1, Children, i, Count - i);
            Array.Copy(Keys, i + 1, Keys, i, Count - i);
            Array.Copy(Prefixes, i + 1, Prefixes, i, Count - i);
            Children[Count] = null!;
            Keys[Count] = null!;
            Keys[0] = null!;
        }
    }

    private void InsertIntoLeaf(Leaf leaf, int i, ulong prefix, KeyIndex item, PathStep[] path)
    {
        if (leaf.Count < LeafCapacity)
        {
            leaf.InsertAt(i, prefix, item);
            return;
        }
        // Split: the upper half moves to a new right sibling, then the item goes to whichever side owns it.
        // An append at the end (keys arriving in order, the common case for generated names) moves nothing:
        // the new item starts the sibling, so in-order loads leave full nodes instead of half-full ones.
        var right = new Leaf();
        int half = i == LeafCapacity ? LeafCapacity : LeafCapacity / 2;
        Array.Copy(leaf.Items, half, right.Items, 0, LeafCapacity - half);
        Array.Copy(leaf.Prefixes, half, right.Prefixes, 0, LeafCapacity - half);
        Array.Clear(leaf.Items, half, LeafCapacity - half);
        right.Count = LeafCapacity - half;
        leaf.Count = half;
        right.Next = leaf.Next;
        right.Prev = leaf;
        if (leaf.Next is not null)
        {
            leaf.Next.Prev = right;
        }
        leaf.Next = right;
        if (i < half || (i == half && half < LeafCapacity))
        {
            leaf.InsertAt(i, prefix, item);
        }
        else
        {
            right.InsertAt(i - half, prefix, item);
        }
        InsertIntoParent(leaf, right.Items[0].Key, right.Prefixes[0], right, path, _depth - 2);
    }

    private void InsertIntoParent(Node left, byte[] lowerBound, ulong prefix, Node right, PathStep[] path, int level)
    {
        if (level < 0)
        {
            var root = new Inner();
            root.Children[0] = left;
            root.Count = 1;
            root.InsertAt(1, lowerBound, prefix, right);
            _root = root;
            _depth++;
            return;
        }
        Inner parent = path[level].Node;
        int at = path[level].Child + 1;
        if (parent.Count < InnerCapacity)
        {
            parent.InsertAt(at, lowerBound, prefix, right);
            return;
        }
        if (at == InnerCapacity)
        {
            // Append at the end (in-order load): the new child starts a sibling of its own; nothing moves.
            var tail = new Inner();
            tail.Children[0] = right;
            tail.Count = 1;
            InsertIntoParent(parent, lowerBound, prefix, tail, path, level - 1);
            return;
        }
        var sibling = new Inner();
        int half = InnerCapacity / 2;
        Array.Copy(parent.Children, half, sibling.Children, 0, InnerCapacity - half);
        Array.Copy(parent.Keys, half, sibling.Keys, 0, InnerCapacity - half);
        Array.Copy(parent.Prefixes, half, sibling.Prefixes, 0, InnerCapacity - half);
        Array.Clear(parent.Children, half, InnerCapacity - half);
        Array.Clear(parent.Keys, half, InnerCapacity - half);
        sibling.Count = InnerCapacity - half;
        parent.Count = half;
        // The sibling's first lower bound moves up; inside the sibling it becomes the unused Keys[0].
        byte[] upKey = sibling.Keys[0];
        ulong upPrefix = sibling.Prefixes[0];
        sibling.Keys[0] = null!;
        if (at <= half)
        {
            parent.InsertAt(at, lowerBound, prefix, right);
        }
        else
        {
            sibling.InsertAt(at - half, lowerBound, prefix, right);
        }
        InsertIntoParent(parent, upKey, upPrefix, sibling, path, level - 1);
    }

    private void RemoveEmptyNode(Node empty, PathStep[] path, int level)
    {
        if (empty is Leaf leaf)
        {
            if (leaf.Prev is not null)
            {
                leaf.Prev.Next = leaf.Next;
            }
            if (leaf.Next is not null)
            {
                leaf.Next.Prev = leaf.Prev;
            }
        }
        Inner parent = path[level].Node;
        parent.RemoveAt(path[level].Child);
        if (parent.Count == 0 && level > 0)
        {
            RemoveEmptyNode(parent, path, level - 1);
        }
        else if (level == 0)
        {
            // Collapse a root that has a single child, repeatedly.
            while (_root is Inner root && root.Count == 1)
            {
                _root = root.Children[0];
                _depth--;
            }
        }
    }
}
