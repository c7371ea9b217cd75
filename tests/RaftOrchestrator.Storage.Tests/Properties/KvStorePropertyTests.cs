using FsCheck.Xunit;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Property a: the store answers every operation of a random history exactly as the reference model (statuses,
/// revisions, key-values, count, more, prevKvs, transaction branches and responses), and afterwards a range over
/// every key at every revision from the compaction point to the current one, the leases and the indexed keys agree.
/// </summary>
public sealed class KvStorePropertyTests
{
    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccArbitraries)])]
    public void KvStore_RandomOperations_AnswerLikeModel(KvScenario scenario) => Check(scenario);

    /// <summary>The same with IgnoreValue / IgnoreLease puts and transactions with invalid (empty-key) guards.</summary>
    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccEdgeArbitraries)])]
    public void KvStore_RandomOperationsWithIgnoreFlagsAndInvalidGuards_AnswerLikeModel(KvScenario scenario) => Check(scenario);

    private static void Check(KvScenario scenario)
    {
        using var store = new KvStore(new StoreOptions { CompactionBatchSize = scenario.CompactionBatchSize });
        var model = new MvccModel();
        for (int i = 0; i < scenario.Ops.Length; i++)
        {
            StoreOp op = scenario.Ops[i];
            string expected = StoreOpRunner.OnModel(model, op).ToString();
            string actual = StoreOpRunner.OnStore(store, op).ToString();
            Expect.Same(expected, actual, $"op #{i} {op}");
        }
        Expect.Same(StateDump.Of(model), StateDump.Of(store), "state after the history");
    }
}
