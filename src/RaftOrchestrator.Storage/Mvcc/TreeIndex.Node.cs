namespace RaftOrchestrator.Storage.Mvcc;

internal sealed partial class TreeIndex
{
    /// <summary>
    /// What leaves and inner nodes share: head compression of their keys. Every key of a node starts with
    /// the first <see cref="Skip"/> bytes of <see cref="Head"/>; <c>Prefixes[i]</c> is the 8-byte prefix of
    /// key i <i>after</i> those bytes. Keys of a registry ("/registry/pods/ns-a/pod-0001") share long heads,
    /// which would make plain prefixes tie on every probe; relative to the head they rarely do.
    ///
    /// Skip may be smaller than the keys' real common prefix (it never grows on removal), never larger.
    /// </summary>
    internal abstract class Node
    {
        public int Count;
        public ulong[] Prefixes = null!;
        public int Skip;
        public byte[]? Head;

        /// <summary>Index of the first key slot in use (inner nodes leave slot 0 unused).</summary>
        protected abstract int FirstKey { get; }

        protected abstract byte[] KeyAt(int i);

        /// <summary>Orders <paramref name="key"/>'s first Skip bytes against the head: 0 when the key shares it.</summary>
        public int CompareHead(ReadOnlySpan<byte> key) =>
            Skip == 0 ? 0 : key[..Math.Min(key.Length, Skip)].SequenceCompareTo(Head.AsSpan(0, Skip));

        /// <summary>The prefix of a key that shares the head.</summary>
        public ulong PrefixOf(ReadOnlySpan<byte> key) => KeyPrefix.Of(key[Skip..]);

        /// <summary>Before adding <paramref name="key"/>: shrink the head to what the key shares, re-deriving prefixes.</summary>
        protected void EnsureHead(byte[] key)
        {
            if (Count <= FirstKey)
            {
                Head = key;
                Skip = key.Length;
                return;
            }
            if (CompareHead(key) == 0 && key.Length >= Skip)
            {
                return;
            }
            Skip = CommonPrefixLength(key, Head.AsSpan(0, Skip));
            RecomputePrefixes();
        }

        /// <summary>After a split: the head becomes the longest prefix of the node's first and last keys.</summary>
        public void Rehead()
        {
            if (Count <= FirstKey)
            {
                Head = null;
                Skip = 0;
                return;
            }
            Head = KeyAt(FirstKey);
            Skip = CommonPrefixLength(Head, KeyAt(Count - 1));
            RecomputePrefixes();
        }

        private void RecomputePrefixes()
        {
            for (int i = FirstKey; i < Count; i++)
            {
                Prefixes[i] = PrefixOf(KeyAt(i));
            }
        }

        private static int CommonPrefixLength(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.CommonPrefixLength(b);
    }
}
