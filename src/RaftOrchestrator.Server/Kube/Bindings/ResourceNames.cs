namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>The resource names binding checks treat apart; every other name is a scalar (extended) resource.</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";

    /// <summary>In a node's allocatable: how many pods it takes.</summary>
    public const string Pods = "pods";
}
