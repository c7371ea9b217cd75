using System.Globalization;

namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>
/// One step of a <see cref="FaultPlan"/>: wait <see cref="Gap"/>, inject <see cref="Kind"/> for <see cref="Duration"/>,
/// heal. <see cref="Choice"/> picks the target wherever the fault needs one that the cluster's state does not fix (a
/// member, a pair, a probability), as an index into the sorted member names, so the same seed picks the same targets.
/// </summary>
public sealed record PlannedFault(int Step, FaultKind Kind, TimeSpan Gap, TimeSpan Duration, int Choice)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{Step,-3} after {Gap.TotalMilliseconds,6:0} ms  {FaultNames.Of(Kind),-20} for {Duration.TotalMilliseconds,6:0} ms  choice {Choice}");
}
