using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Ranks one feasible node. Without <see cref="INormalizeScorePlugin"/> the score must already lie in
/// 0..<see cref="Scores.MaxNodeScore"/>; the framework multiplies it by the profile's weight and sums the plugins.
/// </summary>
public interface IScorePlugin : IPlugin
{
    Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score);
}
