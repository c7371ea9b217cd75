using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// scheduling.raftorchestrator.io/v1 BindingBatch: many pod bindings in one request, applied as one Raft entry.
/// Each binding is re-checked against the node's committed allocations and refused alone when it no longer fits
/// (Nomad's plan applier); a stale fence refuses the whole batch. Answered, not stored: the reply is the request
/// with <see cref="Status"/> filled, one result per binding.
/// </summary>
[MessagePackObject]
public sealed class BindingBatch : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public BindingBatchSpec Spec { get; set; } = new();

    [Key(4)] public BindingBatchStatus? Status { get; set; }
}
