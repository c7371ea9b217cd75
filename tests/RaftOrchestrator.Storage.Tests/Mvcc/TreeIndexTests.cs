using RaftOrchestrator.Storage.Mvcc;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Mvcc;

public sealed class TreeIndexTests
{
    [Fact]
    public void GetOrAdd_ManyKeysInRandomOrder_IterateInByteOrder()
    {
        var tree = new TreeIndex();
        var random = new Random(7);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 20_000; i++)
        {
            string key = $"k{random.Next(50_000):D6}";
            tree.GetOrAdd(B(key), out bool added);
            Assert.Equal(expected.Add(key), added);
        }
        Assert.Equal(expected.Count, tree.Count);
        Assert.Equal(expected, Keys(tree, ""));
    }

    [Fact]
    public void Remove_InterleavedWithInserts_MatchesSortedSet()
    {
        var tree = new TreeIndex();
        var random = new Random(11);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 60_000; i++)
        {
            // Keys share long prefixes so that the inline 8-byte prefixes tie and full comparisons run.
            string key = $"/registry/pods/{random.Next(3_000):D5}";
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.Remove(key), tree.Remove(B(key)));
            }
            else
            {
                tree.GetOrAdd(B(key), out bool added);
                Assert.Equal(expected.Add(key), added);
            }
        }
        Assert.Equal(expected, Keys(tree, ""));
        foreach (string key in expected.ToList())
        {
            Assert.True(tree.Remove(B(key)));
        }
        Assert.Equal(0, tree.Count);
        Assert.Empty(Keys(tree, ""));
        tree.GetOrAdd(B("again"), out bool addedAgain);
        Assert.True(addedAgain);
        Assert.Equal(["again"], Keys(tree, ""));
    }

    [Fact]
    public void GetOrAdd_InOrderThenReverseOrder_KeepsOrderAndFindsEveryKey()
    {
        var tree = new TreeIndex();
        var expected = new List<string>();
        for (int i = 0; i < 300_000; i++)
        {
            string key = $"/registry/pods/ns-{i / 1000:D3}/pod-{i % 1000:D4}";
            expected.Add(key);
            tree.GetOrAdd(B(key), out bool added);
            Assert.True(added);
        }
        for (int i = 0; i < 5_000; i++)
        {
            string key = $"/registry/a/{5_000 - i:D5}";   // descending inserts at the front
            expected.Add(key);
            tree.GetOrAdd(B(key), out _);
        }
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, Keys(tree, ""));
        foreach (string key in expected)
        {
            Assert.NotNull(tree.Get(B(key)));
        }
        foreach (string key in expected.Where((_, i) => i % 2 == 0))
        {
            Assert.True(tree.Remove(B(key)));
        }
        Assert.Equal(expected.Where((_, i) => i % 2 == 1), Keys(tree, ""));
    }

    [Fact]
    public void GetOrAddRemove_ShortKeysThatArePrefixesOfEachOther_MatchSortedSet()
    {
        byte[] alphabet = [0x00, 0x61, 0x62, 0xff];
        var comparer = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));
        var expected = new SortedSet<byte[]>(comparer);
        var tree = new TreeIndex();
        var random = new Random(3);
        for (int i = 0; i < 40_000; i++)
        {
            byte[] key = new byte[1 + random.Next(12)];
            for (int j = 0; j < key.Length; j++)
            {
                key[j] = j < 4 ? alphabet[1] : alphabet[random.Next(alphabet.Length)];   // a long shared head, then noise
            }
            if (random.Next(4) == 0)
            {
                Assert.Equal(expected.Remove(key), tree.Remove(key));
            }
            else
            {
                tree.GetOrAdd(key, out bool added);
                Assert.Equal(expected.Add(key), added);
            }
            if (i % 5_000 == 0)
            {
                byte[] probe = [alphabet[1], alphabet[1], alphabet[random.Next(alphabet.Length)]];
                TreeIndex.Cursor cursor = tree.Seek(probe);
                byte[]? first = cursor.MoveNext() ? cursor.Current.Key : null;
                byte[]? want = expected.GetViewBetween(probe, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).FirstOrDefault();
                Assert.Equal(want, first);
            }
        }
        var actual = new List<byte[]>();
        TreeIndex.Cursor all = tree.Seek([]);
        while (all.MoveNext())
        {
            actual.Add(all.Current.Key);
        }
        Assert.Equal(expected.ToList(), actual);
        Assert.All(expected, k => Assert.NotNull(tree.Get(k)));
    }

    [Fact]
    public void Seek_StartsAtFirstKeyAtOrAfter()
    {
        var tree = new TreeIndex();
        foreach (string k in new[] { "a", "a\0", "ab", "b", "ba" })
        {
            tree.GetOrAdd(B(k), out _);
        }
        Assert.Equal(["ab", "b", "ba"], Keys(tree, "aa"));
        Assert.Equal(["a\0", "ab", "b", "ba"], Keys(tree, "a\0"));
        Assert.Empty(Keys(tree, "c"));
    }

    [Fact]
    public void Get_KeysDifferingOnlyAfterPrefix_AreDistinct()
    {
        var tree = new TreeIndex();
        KeyIndex a = tree.GetOrAdd(B("12345678a"), out _);
        KeyIndex b = tree.GetOrAdd(B("12345678b"), out _);
        KeyIndex shortKey = tree.GetOrAdd(B("1234567"), out _);
        Assert.Same(a, tree.Get(B("12345678a")));
        Assert.Same(b, tree.Get(B("12345678b")));
        Assert.Same(shortKey, tree.Get(B("1234567")));
        Assert.Null(tree.Get(B("1234567\0")));
    }

    private static List<string> Keys(TreeIndex tree, string from)
    {
        var keys = new List<string>();
        TreeIndex.Cursor cursor = tree.Seek(B(from));
        while (cursor.MoveNext())
        {
            keys.Add(S(cursor.Current.Key));
        }
        return keys;
    }
}
