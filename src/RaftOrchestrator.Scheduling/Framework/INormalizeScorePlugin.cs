using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A score plugin whose raw scores need rescaling to 0..MaxNodeScore once all nodes are scored (kube-scheduler's
/// ScoreExtensions.NormalizeScore). scores[i] belongs to nodes[i].
/// </summary>
public interface INormalizeScorePlugin : IScorePlugin
{
    Status NormalizeScore(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> scores);
}
