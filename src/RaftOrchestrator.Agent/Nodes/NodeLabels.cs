namespace RaftOrchestrator.Agent.Nodes;

/// <summary>The well-known labels and annotations the agent sets on its Node (the kubelet's defaults).</summary>
public static class NodeLabels
{
    public const string Hostname = "kubernetes.io/hostname";
    public const string OS = "kubernetes.io/os";
    public const string Arch = "kubernetes.io/arch";
    public const string BetaOS = "beta.kubernetes.io/os";
    public const string BetaArch = "beta.kubernetes.io/arch";

    /// <summary>The attach/detach controller manages this node's volumes (the kubelet sets it by default).</summary>
    public const string ControllerManagedAttachDetach = "volumes.kubernetes.io/controller-managed-attach-detach";

    /// <summary>The labels the agent owns and keeps current on re-registration (updateDefaultLabels).</summary>
    public static Dictionary<string, string> Defaults(string nodeName, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Hostname] = nodeName,
            [OS] = host.OperatingSystem,
            [Arch] = host.Architecture,
            [BetaOS] = host.OperatingSystem,
            [BetaArch] = host.Architecture,
        };
    }
}
