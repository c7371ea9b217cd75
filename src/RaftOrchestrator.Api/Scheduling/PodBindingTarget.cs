using MessagePack;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>One binding of a batch: the pod (with optional uid and resourceVersion preconditions) and its node.</summary>
[MessagePackObject]
public sealed class PodBindingTarget
{
    [Key(0)] public string Namespace { get; set; } = "";

    [Key(1)] public string Name { get; set; } = "";

    /// <summary>When set, the pod must have this uid (a recreated pod of the same name is not bound).</summary>
    [Key(2)] public string? Uid { get; set; }

    /// <summary>When set, the pod must still be at this resourceVersion.</summary>
    [Key(3)] public string? ResourceVersion { get; set; }

    [Key(4)] public string NodeName { get; set; } = "";
}
