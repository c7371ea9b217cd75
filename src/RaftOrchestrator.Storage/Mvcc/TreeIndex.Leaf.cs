namespace RaftOrchestrator.Storage.Mvcc;

internal sealed partial class TreeIndex
{
    /// <summary>Items[0..Count) sorted by key, linked to its neighbours for range scans.</summary>
    internal sealed class Leaf : Node
    {
        public KeyIndex[] Items = new KeyIndex[LeafCapacity];
        public Leaf? Next;
        public Leaf? Prev;

        public Leaf() => Prefixes = new ulong[LeafCapacity];

        protected override int FirstKey => 0;

        protected override byte[] KeyAt(int i) => Items[i].Key;

        /// <summary>The first position whose key is ≥ <paramref name="key"/>.</summary>
        public int LowerBound(ReadOnlySpan<byte> key)
        {
            int head = CompareHead(key);
            if (head != 0 || Count == 0)
            {
                return head < 0 ? 0 : Count;
            }
            ulong prefix = PrefixOf(key);
            ReadOnlySpan<byte> rest = key[Skip..];
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                ulong p = Prefixes[mid];
                bool less = p != prefix ? p < prefix : Items[mid].Key.AsSpan(Skip).SequenceCompareTo(rest) < 0;
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

        public void InsertAt(int i, KeyIndex item)
        {
            EnsureHead(item.Key);
            Array.Copy(Items, i, Items, i + 1, Count - i);
            Array.Copy(Prefixes, i, Prefixes, i + 1, Count - i);
            Items[i] = item;
            Prefixes[i] = PrefixOf(item.Key);
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
}
