namespace RaftOrchestrator.Scheduling.Plugins.Topology;

/// <summary>A topology domain: a node label key and one of its values ("topology.kubernetes.io/zone" = "zone-a").</summary>
public readonly record struct TopologyPair(string Key, string Value);
