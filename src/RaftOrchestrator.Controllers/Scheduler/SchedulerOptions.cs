using RaftOrchestrator.Scheduling;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>Which binder writes the decisions.</summary>
public enum BinderKind
{
    /// <summary>BindingBatch: many bindings per call and per Raft entry, re-checked and fenced by the server.</summary>
    BindingBatch,

    /// <summary>pods/{name}/binding, one call per pod (any Kubernetes API server).</summary>
    PodBinding,
}

/// <summary>How a scheduler runs: its profiles, binder, queue and leader election (kube-scheduler's defaults).</summary>
public sealed record SchedulerOptions
{
    /// <summary>The profiles (KubeSchedulerConfiguration.profiles); each serves the pods naming its schedulerName.</summary>
    public IReadOnlyList<SchedulerProfile> Profiles { get; init; } = [DefaultProfile.Create()];

    /// <summary>Makes the plugin registry the profiles draw from (a new one per term: plugins may keep state).</summary>
    public Func<PluginRegistry> Registry { get; init; } = InTreeRegistry.Create;

    /// <summary>Seeds tie-breaking; fixed so two runs over the same cluster choose alike.</summary>
    public int Seed { get; init; }

    public BinderKind Binder { get; init; } = BinderKind.PodBinding;

    public BindingPipelineOptions Binding { get; init; } = new();

    public SchedulingQueueOptions Queue { get; init; } = new();

    /// <summary>
    /// How long an assumed pod whose bind returned may wait for the informer to show it bound before the cache
    /// drops it; zero (kube-scheduler's durationToExpireAssumedPod) keeps it until the informer reports it.
    /// </summary>
    public TimeSpan AssumedPodTtl { get; init; }

    /// <summary>How often expired assumed pods are cleaned up (kube-scheduler: 1 s).</summary>
    public TimeSpan AssumedPodCleanupInterval { get; init; } = TimeSpan.FromSeconds(1);

    public bool LeaderElect { get; init; } = true;

    /// <summary>The lease holder identity: unique per process.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    public string LeaseNamespace { get; init; } = "kube-system";

    public string LeaseName { get; init; } = "kube-scheduler";

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Events' source component, as kube-scheduler reports them.</summary>
    public string Component { get; init; } = "default-scheduler";
}
