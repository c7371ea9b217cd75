using System.Text;
using RaftOrchestrator.Server.Kube.Bindings;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Tests.Bindings;

/// <summary>What the node allocation index takes from a store watch event.</summary>
public sealed class NodeAllocationIndexTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes(BindingKeys.PodPrefix + "default/web");

    [Fact]
    public void StateOf_Delete_IsNullNotAnEmptyValue()
    {
        // A chaos run logged "skipped an undecodable Pod (0 bytes)" on every pod deletion: the delete had become a
        // put of an empty value on its way to the index.
        var delete = new WatchEvent(WatchEventType.Delete, new KeyValue(s_key, ReadOnlyMemory<byte>.Empty, 0, 42, 0, 0), null);

        Assert.Null(NodeAllocationIndex.StateOf(delete));
    }

    [Fact]
    public void StateOf_Put_IsItsValue()
    {
        byte[] value = [1, 2, 3];
        var put = new WatchEvent(WatchEventType.Put, new KeyValue(s_key, value, 40, 42, 2, 0), null);

        Assert.Equal(value, NodeAllocationIndex.StateOf(put)!.Value.ToArray());
    }
}
