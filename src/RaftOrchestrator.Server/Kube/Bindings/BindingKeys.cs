using System.Text;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// The store keys binding works with. Every binding, batched or single (pods/binding), bumps its node's
/// allocation key in the transaction that binds the pod, so a batch that read a node's allocations compares that
/// key's mod revision and fails if anything was bound there since.
/// </summary>
/// <remarks>
/// The allocation keys live at <c>/registry/nodebindings/&lt;node&gt;</c> on purpose: that prefix sorts just
/// before <c>/registry/nodes/</c>, and <c>/registry/pods/</c> comes soon after, so one watch on
/// [<see cref="WatchStart"/>, <see cref="WatchEnd"/>) sees pods, nodes and allocation keys together, whole
/// revisions at a time: a binding's pod and its allocation key can never be seen half applied. The only other
/// kinds in that range are persistent volumes and claims, which the index skips.
/// </remarks>
public static class BindingKeys
{
    public const string AllocationPrefix = "/registry/nodebindings/";
    public const string NodePrefix = "/registry/nodes/";
    public const string PodPrefix = "/registry/pods/";

    public static ReadOnlyMemory<byte> WatchStart { get; } = Encoding.UTF8.GetBytes(AllocationPrefix);

    /// <summary>The first key after every pod key ('0' follows '/').</summary>
    public static ReadOnlyMemory<byte> WatchEnd { get; } = Encoding.UTF8.GetBytes("/registry/pods0");

    /// <summary>The value written: the key exists to have its mod revision bumped.</summary>
    public static ReadOnlyMemory<byte> AllocationValue { get; } = "1"u8.ToArray();

    public static byte[] Allocation(string node) => Encoding.UTF8.GetBytes(AllocationPrefix + node);
}
