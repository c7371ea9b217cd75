namespace RaftOrchestrator.Agent.Pods;

/// <summary>Where a pod's files live under the agent's data directory (the kubelet's /var/log/pods layout).</summary>
public static class PodPaths
{
    /// <summary>&lt;data&gt;/pods/&lt;namespace&gt;_&lt;name&gt;_&lt;uid&gt;: the sandbox's log directory; container logs are &lt;container&gt;/&lt;attempt&gt;.log in it.</summary>
    public static string LogDirectory(string dataDirectory, string @namespace, string name, string uid) =>
        Path.Combine(dataDirectory, "pods", $"{@namespace}_{name}_{uid}");

    /// <summary>A container attempt's log file, relative to the sandbox's log directory.</summary>
    public static string ContainerLog(string container, int attempt) => Path.Combine(container, $"{attempt}.log");
}
