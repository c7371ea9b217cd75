using System.Collections.Immutable;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>A random history of store operations (property a).</summary>
public sealed class KvScenario
{
    internal KvScenario(ImmutableArray<StoreOp> ops, int compactionBatchSize)
    {
        Ops = ops;
        CompactionBatchSize = compactionBatchSize;
    }

    internal ImmutableArray<StoreOp> Ops { get; }

    internal int CompactionBatchSize { get; }

    public override string ToString() => ScenarioText.Of($"KvScenario: CompactionBatchSize {CompactionBatchSize}, {Ops.Length} ops", Ops);
}
