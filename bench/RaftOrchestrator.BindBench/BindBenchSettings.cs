namespace RaftOrchestrator.BindBench;

/// <summary>The workload: pods spread round-robin over nodes with room for all of them, sent in batches.</summary>
internal sealed record BindBenchSettings(int Pods, int Nodes, int BatchSize, int Inflight, int PortBase);
