namespace RaftOrchestrator.Agent.Runtime;

/// <summary>
/// What a sandbox needs from the pod (CRI's PodSandboxConfig): identity, hostname, and the directory the
/// containers' logs go to (the kubelet's /var/log/pods/&lt;ns&gt;_&lt;name&gt;_&lt;uid&gt;).
/// </summary>
public sealed record PodSandboxConfig(
    string Namespace,
    string Name,
    string Uid,
    int Attempt,
    string Hostname,
    string LogDirectory,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations);
