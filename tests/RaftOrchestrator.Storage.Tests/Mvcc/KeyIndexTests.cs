using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Mvcc;

/// <summary>The worked example in KeyIndex's comment, executed.</summary>
public sealed class KeyIndexTests
{
    private static KeyIndex Example()
    {
        var index = new KeyIndex([1]);
        index.Put(new Revision(2, 0), [2], 0);
        index.Put(new Revision(4, 0), [4], 0);
        index.Tombstone(new Revision(6, 0));
        index.Put(new Revision(7, 0), [7], 0);
        index.Put(new Revision(9, 1), [9], 0);
        return index;
    }

    [Theory]
    [InlineData(1, false, 0)]
    [InlineData(2, true, 2)]
    [InlineData(5, true, 4)]
    [InlineData(6, false, 0)]
    [InlineData(8, true, 7)]
    [InlineData(100, true, 9)]
    public void TryGet_AtRevision_SeesNewestVersionAtOrBelow(long at, bool found, long expectedMain)
    {
        bool got = Example().TryGet(at, out KeyVersion v);
        Assert.Equal(found, got);
        if (found)
        {
            Assert.Equal(expectedMain, v.Main);
        }
    }

    [Fact]
    public void Put_AfterTombstone_StartsNewGeneration()
    {
        KeyIndex index = Example();
        Assert.True(index.TryGet(9, out KeyVersion v));
        Assert.Equal(7, v.CreateRevision);
        Assert.Equal(2, v.Version);
        Assert.True(index.TryGet(4, out v));
        Assert.Equal(2, v.CreateRevision);
        Assert.Equal(2, v.Version);
    }

    [Fact]
    public void Compact_NewestBelowIsTombstone_DropsWholeOldGeneration()
    {
        KeyIndex index = Example();
        Assert.False(index.Compact(7));
        Assert.Equal(2, index.VersionCount);
        Assert.False(index.TryGet(6, out _));
        Assert.True(index.TryGet(8, out KeyVersion v));
        Assert.Equal(7, v.Main);
    }

    [Fact]
    public void Compact_NewestBelowIsLive_KeepsIt()
    {
        KeyIndex index = Example();
        Assert.False(index.Compact(5));
        Assert.Equal(4, index.VersionCount);
        Assert.True(index.TryGet(5, out KeyVersion v));
        Assert.Equal(4, v.Main);
        Assert.True(index.TryFind(new Revision(6, 0), out KeyVersion tomb, out KeyVersion prev, out bool hasPrev));
        Assert.True(tomb.IsTombstone);
        Assert.True(hasPrev);
        Assert.Equal(4, prev.Main);
    }

    [Fact]
    public void Compact_DeletedKeyBelowPoint_EmptiesIndex()
    {
        var index = new KeyIndex([1]);
        index.Put(new Revision(2, 0), [2], 0);
        index.Tombstone(new Revision(3, 0));
        Assert.True(index.Compact(4));
        Assert.True(index.IsEmpty);
        Assert.False(index.Compact(4));   // only the call that empties it says so
    }

    [Fact]
    public void TryFind_PutAfterTombstone_HasNoPrevious()
    {
        Assert.True(Example().TryFind(new Revision(7, 0), out _, out _, out bool hasPrev));
        Assert.False(hasPrev);
    }
}
