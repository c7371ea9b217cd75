using MessagePack;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// The lease a batch is fenced by: it applies only while that Lease is held by <see cref="HolderIdentity"/> and
/// not expired (renewTime + leaseDurationSeconds against the server's clock), so a deposed scheduler's batch is refused.
/// </summary>
[MessagePackObject]
public sealed class BindingFence
{
    [Key(0)] public string LeaseNamespace { get; set; } = "";

    [Key(1)] public string LeaseName { get; set; } = "";

    [Key(2)] public string HolderIdentity { get; set; } = "";
}
