namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>The resource names the scheduler counts itself; every other name is a scalar (extended) resource.</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Pods = "pods";

    /// <summary>kube-scheduler's request for a container that names no cpu request, used for scoring only.</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>kube-scheduler's request for a container that names no memory request (200Mi), scoring only.</summary>
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;
}
