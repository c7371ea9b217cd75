namespace RaftOrchestrator.Storage.Mvcc;

internal sealed partial class TreeIndex
{
    /// <summary>
    /// Children[0..Count). For i ≥ 1, Keys[i] is a lower bound of every key under Children[i] and above
    /// every key under Children[i-1]; Keys[0] is unused.
    /// </summary>
    internal sealed class Inner : Node
    {
        public byte[][] Keys = new byte[InnerCapacity][];
        public Node[] Children = new Node[InnerCapacity];

        public Inner() => Prefixes = new ulong[InnerCapacity];

        protected override int FirstKey => 1;

        protected override byte[] KeyAt(int i) => Keys[i];

        /// <summary>The last child whose lower bound is ≤ <paramref name="key"/>.</summary>
        public int ChildFor(ReadOnlySpan<byte> key)
        {
            if (Count == 1)
            {
                return 0;
            }
            int head = CompareHead(key);
            if (head != 0)
            {
                return head < 0 ? 0 : Count - 1;
            }
            ulong prefix = PrefixOf(key);
            ReadOnlySpan<byte> rest = key[Skip..];
            int lo = 1, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                ulong p = Prefixes[mid];
                bool atOrBelow = p != prefix ? p < prefix : Keys[mid].AsSpan(Skip).SequenceCompareTo(rest) <= 0;
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

        /// <summary>Inserts <paramref name="child"/> at <paramref name="i"/> ≥ 1 with its lower bound.</summary>
        public void InsertAt(int i, byte[] lowerBound, Node child)
        {
            EnsureHead(lowerBound);
            Array.Copy(Children, i, Children, i + 1, Count - i);
            Array.Copy(Keys, i, Keys, i + 1, Count - i);
            Array.Copy(Prefixes, i, Prefixes, i + 1, Count - i);
            Children[i] = child;
            Keys[i] = lowerBound;
            Prefixes[i] = PrefixOf(lowerBound);
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
}
