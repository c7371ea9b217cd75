using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Probes;

/// <summary>What a probe or hook acts on: the container (its runtime id, for exec; its ports, for named ports) and the pod's IP (httpGet and tcpSocket's default host).</summary>
public sealed record ProbeTarget(string ContainerId, Container Container, string Host);
