using RaftOrchestrator.Storage.Mvcc;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Mvcc;

public sealed class KeyRangeTests
{
    [Theory]
    [InlineData(new byte[] { 0x61 }, new byte[] { 0x62 })]
    [InlineData(new byte[] { 0x61, 0xff }, new byte[] { 0x62 })]
    [InlineData(new byte[] { 0xff, 0xff }, new byte[] { 0 })]
    public void PrefixEnd_IncrementsLastNonMaxByte(byte[] prefix, byte[] expected) =>
        Assert.Equal(expected, KeyRange.PrefixEnd(prefix));

    [Fact]
    public void Contains_Prefix_MatchesOnlyKeysWithThePrefix()
    {
        KeyRange range = KeyRange.Prefix(B("/registry/pods/"));
        Assert.True(range.Contains(B("/registry/pods/a")));
        Assert.True(range.Contains(B("/registry/pods/")));
        Assert.False(range.Contains(B("/registry/pods")));
        Assert.False(range.Contains(B("/registry/podt")));
    }

    [Fact]
    public void Contains_All_MatchesEveryNonEmptyKey()
    {
        Assert.True(KeyRange.All.Contains([0]));
        Assert.True(KeyRange.All.Contains([0xff, 0xff]));
    }

    [Fact]
    public void IsValid_EmptyKey_IsFalse() => Assert.False(KeyRange.ForKey(ReadOnlyMemory<byte>.Empty).IsValid);
}
