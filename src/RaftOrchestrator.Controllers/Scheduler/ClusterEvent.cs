namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>The kind of object a <see cref="ClusterEvent"/> is about (kube-scheduler's EventResource, the ones we watch).</summary>
public enum ClusterEventResource
{
    Node,

    /// <summary>A pod bound to a node (its requests, ports and labels count for the others).</summary>
    AssignedPod,

    /// <summary>A pod waiting to be scheduled (its own change may make it fit, e.g. a smaller request).</summary>
    UnscheduledPod,
}

/// <summary>What changed (kube-scheduler's ActionType): a flag set so a plugin registers several at once.</summary>
[Flags]
public enum ClusterEventAction
{
    None = 0,
    Add = 1,
    Delete = 2,
    UpdateNodeAllocatable = 4,
    UpdateNodeLabel = 8,
    UpdateNodeTaint = 16,
    UpdateNodeCondition = 32,

    /// <summary>spec.unschedulable flipped (kube-scheduler folds it into UpdateNodeTaint; kept apart here for logs).</summary>
    UpdateNodeUnschedulable = 64,
    UpdatePodLabel = 128,

    /// <summary>A pod's requests went down (in-place resize) or the pod otherwise changed in a way that frees room.</summary>
    UpdatePodScaleDown = 256,

    /// <summary>Any update of the object not covered by a finer flag.</summary>
    Update = UpdateNodeAllocatable | UpdateNodeLabel | UpdateNodeTaint | UpdateNodeCondition | UpdateNodeUnschedulable | UpdatePodLabel | UpdatePodScaleDown,
    All = Add | Delete | Update,
}

/// <summary>
/// A change in the cluster that may make unschedulable pods fit. Plugins register the events that can resolve
/// their rejections (<see cref="PluginEvents"/>); the queue moves a pod back only on an event one of its rejecting
/// plugins registered, as kube-scheduler's EventsToRegister does (without per-object queueing hints).
/// </summary>
public readonly record struct ClusterEvent(ClusterEventResource Resource, ClusterEventAction Action, string Label)
{
    public static ClusterEvent NodeAdd { get; } = new(ClusterEventResource.Node, ClusterEventAction.Add, "NodeAdd");

    public static ClusterEvent AssignedPodDelete { get; } = new(ClusterEventResource.AssignedPod, ClusterEventAction.Delete, "AssignedPodDelete");

    public static ClusterEvent AssignedPodAdd { get; } = new(ClusterEventResource.AssignedPod, ClusterEventAction.Add, "AssignedPodAdd");

    /// <summary>
    /// A nominated pod gave up the room kept for it on its node (deleted, or placed on another node): to the plugins
    /// it is room freed as by a deleted assigned pod, so it wakes the same ones.
    /// </summary>
    public static ClusterEvent NominatedPodDelete { get; } = new(ClusterEventResource.AssignedPod, ClusterEventAction.Delete, "NominatedPodDelete");

    /// <summary>The 5-minute flush of pods left unschedulable (kube-scheduler's UnschedulableTimeout): moves every pod.</summary>
    public static ClusterEvent UnschedulableTimeout { get; } = new(ClusterEventResource.UnscheduledPod, ClusterEventAction.All, "UnschedulableTimeout");

    /// <summary>Forces every unschedulable pod back (a new leadership term, a resync).</summary>
    public static ClusterEvent ForceActivate { get; } = new(ClusterEventResource.UnscheduledPod, ClusterEventAction.All, "ForceActivate");

    /// <summary>True when a registration of <paramref name="registered"/> covers this event.</summary>
    public bool Matches(ClusterEventResource resource, ClusterEventAction registered) =>
        resource == Resource && (registered & Action) != 0;

    public override string ToString() => Label;
}
