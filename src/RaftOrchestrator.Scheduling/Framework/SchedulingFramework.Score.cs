using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

public sealed partial class SchedulingFramework
{
    /// <summary>Runs every PreScore plugin; skips are recorded (their Score will not run); the first failure aborts.</summary>
    public Status RunPreScorePlugins(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (IPreScorePlugin plugin in PreScorePlugins)
        {
            Status s = plugin.PreScore(state, pod, snapshot, feasibleNodes);
            if (s.IsSkip)
            {
                state.SkipScorePlugins.Add(plugin.Name);
            }
            else if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }

    /// <summary>
    /// Scores the feasible nodes: per plugin, Score every node, NormalizeScore, check the range 0..MaxNodeScore, then
    /// add score × weight into <paramref name="totals"/> (which the caller zeroed). <paramref name="scratch"/> needs
    /// nodes.Length entries. Any plugin error (or an out-of-range score) aborts with an Error status.
    /// </summary>
    public Status RunScorePlugins(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> totals, Span<long> scratch)
    {
        ArgumentNullException.ThrowIfNull(state);
        Span<long> scores = scratch[..nodes.Length];
        for (int p = 0; p < ScorePlugins.Length; p++)
        {
            IScorePlugin plugin = ScorePlugins[p];
            if (state.SkipScorePlugins.Count > 0 && state.SkipScorePlugins.Contains(plugin.Name))
            {
                continue;
            }
            for (int i = 0; i < nodes.Length; i++)
            {
                Status s = plugin.Score(state, pod, nodes[i], out long score);
                if (!s.IsSuccess)
                {
                    return Status.Error(plugin.Name, $"running Score plugin {plugin.Name} on {nodes[i].Name}: {s.Message}");
                }
                scores[i] = score;
            }
            if (plugin is INormalizeScorePlugin normalizer)
            {
                Status s = normalizer.NormalizeScore(state, pod, nodes, scores);
                if (!s.IsSuccess)
                {
                    return Status.Error(plugin.Name, $"running NormalizeScore plugin {plugin.Name}: {s.Message}");
                }
            }
            long weight = ScoreWeights[p];
            for (int i = 0; i < nodes.Length; i++)
            {
                long score = scores[i];
                if (score is < Scores.MinNodeScore or > Scores.MaxNodeScore)
                {
                    return Status.Error(plugin.Name, $"plugin {plugin.Name} returns an invalid score {score} for {nodes[i].Name}, it should be in [0, 100]");
                }
                totals[i] += score * weight;
            }
        }
        return Status.Success;
    }
}
