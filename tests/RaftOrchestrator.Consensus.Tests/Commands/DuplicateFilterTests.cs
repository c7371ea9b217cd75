using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class DuplicateFilterTests
{
    [Fact]
    public void TryAccept_RetriedOrOlderSequence_IsRejected()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(new RequestId(7, 1), index: 10));
        Assert.True(filter.TryAccept(new RequestId(7, 2), index: 11));
        Assert.False(filter.TryAccept(new RequestId(7, 2), index: 12));   // the retry after a leader change
        Assert.False(filter.TryAccept(new RequestId(7, 1), index: 13));
        Assert.True(filter.TryAccept(new RequestId(8, 1), index: 14));    // another client's sequence is its own
        Assert.True(filter.TryAccept(new RequestId(7, 5), index: 15));    // gaps are fine: only order matters
    }

    [Fact]
    public void TryAccept_NoRequestId_IsAlwaysAccepted()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(RequestId.None, 1));
        Assert.True(filter.TryAccept(RequestId.None, 2));
        Assert.Equal(0, filter.ClientCount);
    }

    [Fact]
    public void TryAccept_OverCapacity_ForgetsOnlyClientsOlderThanRetention()
    {
        var filter = new DuplicateFilter(maxClients: 2, retention: 10);
        filter.TryAccept(new RequestId(1, 1), index: 1);
        filter.TryAccept(new RequestId(2, 1), index: 5);
        filter.TryAccept(new RequestId(3, 1), index: 12);   // over capacity: client 1 (index 1) is older than 10 entries
        Assert.Equal([2UL, 3UL], filter.Entries.Select(e => e.ClientId));
        Assert.True(filter.TryAccept(new RequestId(1, 1), index: 13));   // forgotten: a fresh start for it
    }

    [Fact]
    public void Restore_FromEntries_DecidesLikeTheOriginal()
    {
        var original = new DuplicateFilter();
        var random = new Random(5);
        for (int i = 1; i <= 500; i++)
        {
            original.TryAccept(new RequestId((ulong)random.Next(1, 20), (ulong)random.Next(1, 50)), i);
        }
        var restored = new DuplicateFilter();
        foreach ((ulong client, ulong sequence, long index) in original.Entries)
        {
            restored.Restore(client, sequence, index);
        }
        for (int i = 501; i <= 1000; i++)
        {
            var id = new RequestId((ulong)random.Next(1, 20), (ulong)random.Next(1, 50));
            Assert.Equal(original.TryAccept(id, i), restored.TryAccept(id, i));
        }
    }
}
