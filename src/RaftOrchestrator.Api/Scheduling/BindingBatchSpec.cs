using MessagePack;

namespace RaftOrchestrator.Api.Scheduling;

[MessagePackObject]
public sealed class BindingBatchSpec
{
    /// <summary>The scheduler's leader-election lease; null skips the fencing check (tools, tests).</summary>
    [Key(0)] public BindingFence? Fence { get; set; }

    [Key(1)] public List<PodBindingTarget> Bindings { get; set; } = [];
}
