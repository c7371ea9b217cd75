namespace RaftOrchestrator.Agent.Env;

/// <summary>The addresses the downward API exposes: the pod's (status.podIP) and its node's (status.hostIP).</summary>
public sealed record PodAddresses(string PodIP, string HostIP);
