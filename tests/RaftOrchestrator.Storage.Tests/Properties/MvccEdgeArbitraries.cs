using FsCheck;
using FsCheck.Fluent;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Arbitraries of the edge properties: histories that also use IgnoreValue / IgnoreLease puts and invalid
/// transaction guards, and watch histories that install restored snapshots (<c>WatchableStore.ReplaceStore</c>).
/// Kept apart so that a bug found there does not blind the core properties.
/// </summary>
public static class MvccEdgeArbitraries
{
    public static Arbitrary<KvScenario> KvScenarios() =>
        Arb.From(
            MvccGenerators.KvEdgeScenario,
            s => MvccArbitraries.ShrinkOps(s.Ops).Select(ops => new KvScenario(ops, s.CompactionBatchSize)));

    public static Arbitrary<WatchScenario> WatchScenarios() =>
        Arb.From(MvccGenerators.WatchReplaceScenario, s => MvccArbitraries.ShrinkOps(s.Ops).Select(s.WithOps));
}
