using MessagePack;

namespace RaftOrchestrator.Api.Scheduling;

[MessagePackObject]
public sealed class BindingBatchStatus
{
    /// <summary>One result per binding, in the order of spec.bindings.</summary>
    [Key(0)] public List<BindingResult> Results { get; set; } = [];

    /// <summary>The store revision the batch's writes reached (at least the revision its checks read).</summary>
    [Key(1)] public long Revision { get; set; }
}
