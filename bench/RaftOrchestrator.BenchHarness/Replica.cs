namespace RaftOrchestrator.BenchHarness;

/// <summary>One replica as the benchmark addresses it: the Kubernetes API (HTTP/1.1) and the etcd v3 gRPC endpoint.</summary>
public sealed record Replica(string Name, Uri ApiUrl, Uri EtcdUrl);
