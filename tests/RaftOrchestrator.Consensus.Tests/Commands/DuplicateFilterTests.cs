using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class DuplicateFilterTests
{
    [Fact]
    public void TryAccept_RetriedSequence_IsRejected()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(new RequestId(7, 1), floor: 1, index: 10));
        Assert.True(filter.TryAccept(new RequestId(7, 2), floor: 1, index: 11));
        Assert.False(filter.TryAccept(new RequestId(7, 2), floor: 1, index: 12));   // the retry after a leader change
        Assert.False(filter.TryAccept(new RequestId(7, 1), floor: 1, index: 13));
        Assert.True(filter.TryAccept(new RequestId(8, 2), floor: 1, index: 14));    // another client's sequence is its own
    }

    [Fact]
    public void TryAccept_OutOfOrderInsideTheWindow_IsAccepted()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(new RequestId(7, 3), floor: 1, index: 1));   // forwarded proposals can overtake
        Assert.True(filter.TryAccept(new RequestId(7, 2), floor: 1, index: 2));
        Assert.True(filter.TryAccept(new RequestId(7, 1), floor: 1, index: 3));
        Assert.False(filter.TryAccept(new RequestId(7, 3), floor: 1, index: 4));
    }

    [Fact]
    public void TryAccept_BelowTheFloor_IsRejectedAndTheWindowShrinks()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(new RequestId(7, 1), floor: 1, index: 1));
        Assert.True(filter.TryAccept(new RequestId(7, 2), floor: 1, index: 2));
        Assert.True(filter.TryAccept(new RequestId(7, 5), floor: 4, index: 3));   // 1..3 are answered or abandoned
        Assert.False(filter.TryAccept(new RequestId(7, 3), floor: 1, index: 4));  // a stale copy of an abandoned one
        Assert.Equal([5UL], filter.Entries.Single().Applied);
    }

    [Fact]
    public void TryAccept_NoRequestId_IsAlwaysAccepted()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAccept(RequestId.None, 0, 1));
        Assert.True(filter.TryAccept(RequestId.None, 0, 2));
        Assert.Equal(0, filter.ClientCount);
    }

    [Fact]
    public void TryAccept_OverCapacity_ForgetsOnlyClientsOlderThanRetention()
    {
        var filter = new DuplicateFilter(maxClients: 2, retention: 10);
        filter.TryAccept(new RequestId(1, 1), 1, index: 1);
        filter.TryAccept(new RequestId(2, 1), 1, index: 5);
        filter.TryAccept(new RequestId(3, 1), 1, index: 12);   // over capacity: client 1 (index 1) is older than 10 entries
        Assert.Equal([2UL, 3UL], filter.Entries.Select(e => e.ClientId));
        Assert.True(filter.TryAccept(new RequestId(1, 1), 1, index: 13));   // forgotten: a fresh start for it
    }

    [Fact]
    public void Restore_FromEntries_DecidesLikeTheOriginal()
    {
        var original = new DuplicateFilter();
        var random = new Random(5);
        for (int i = 1; i <= 500; i++)
        {
            ulong sequence = (ulong)random.Next(1, 50);
            original.TryAccept(new RequestId((ulong)random.Next(1, 20), sequence), sequence > 10 ? sequence - 10 : 1, i);
        }
        var restored = new DuplicateFilter();
        foreach (DuplicateFilterEntry entry in original.Entries)
        {
            restored.Restore(entry);
        }
        for (int i = 501; i <= 1000; i++)
        {
            ulong sequence = (ulong)random.Next(1, 50);
            var id = new RequestId((ulong)random.Next(1, 20), sequence);
            ulong floor = sequence > 10 ? sequence - 10 : 1;
            Assert.Equal(original.TryAccept(id, floor, i), restored.TryAccept(id, floor, i));
        }
    }
}
