using System.Diagnostics.Metrics;

namespace RaftOrchestrator.Consensus;

/// <summary>
/// The consensus layer's instruments (meter "RaftOrchestrator.Consensus"): what a proposal costs from the
/// caller's view and how well batching works. Read them with dotnet-counters or any System.Diagnostics.Metrics
/// listener; DotNext's own meters (DotNext.IO.WriteAheadLog, DotNext.Net.Cluster.Consensus.Raft.*) sit beside them.
/// </summary>
internal static class ConsensusMetrics
{
    private static readonly Meter s_meter = new("RaftOrchestrator.Consensus");

    /// <summary>From forming a proposal to its application on this replica (or giving up).</summary>
    public static readonly Histogram<double> ProposalDuration =
        s_meter.CreateHistogram<double>("ro.consensus.proposal.duration", "ms", "Time from sending a proposal to applying it here");

    /// <summary>Commands per proposal (log entry): batching at work.</summary>
    public static readonly Histogram<int> ProposalCommands =
        s_meter.CreateHistogram<int>("ro.consensus.proposal.commands", "{command}", "Commands batched into one log entry");

    /// <summary>Attempts a proposal needed (more than one after a leader change or a lost forward).</summary>
    public static readonly Counter<long> ProposalRetries =
        s_meter.CreateCounter<long>("ro.consensus.proposal.retries", "{attempt}", "Proposals sent again");

    /// <summary>One read-index round (leadership confirmed, or the leader asked).</summary>
    public static readonly Histogram<double> ReadIndexDuration =
        s_meter.CreateHistogram<double>("ro.consensus.read_index.duration", "ms", "Time to obtain a linearizable read index");
}
