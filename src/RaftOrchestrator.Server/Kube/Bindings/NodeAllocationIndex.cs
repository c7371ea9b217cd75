using System.Text;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// Per node, what binding checks need without scanning pods: allocatable resources, the summed requests and
/// count of the non-terminal pods bound to it, and its allocation key's mod revision, all as of one store
/// revision (<see cref="Revision"/>). Fed by one watch of this replica's store (see <see cref="BindingKeys"/>
/// for why one watch suffices), started on first use and rebuilt from a fresh list after a compaction.
/// </summary>
/// <remarks>
/// <para>A pod counts on its node from the revision its spec.nodeName is set until it is deleted or its phase is
/// Succeeded or Failed (a terminating pod still holds its resources, as in kube-scheduler's cache).</para>
/// <para>Worked example: pod a (500m) is bound to n1 at revision 10, so the watch delivers revision 10 with a's
/// put and n1's allocation key put together; after it, n1 reads Requested.MilliCpu = 500, PodCount = 1,
/// AllocationRevision = 10, Revision = 10. A batch evaluated on that view compares n1's allocation key with 10:
/// if another replica bound a pod to n1 at 11, the compare fails and the batch re-reads once the index is at 11.</para>
/// <para><c>_lock</c> guards <c>_nodes</c>, <c>_pods</c>, <c>_revision</c> and <c>_waiters</c>; the watch loop is
/// the only writer, readers copy out under it.</para>
/// </remarks>
public sealed partial class NodeAllocationIndex : BackgroundService
{
    private static readonly byte[] s_podPrefix = Encoding.UTF8.GetBytes(BindingKeys.PodPrefix);
    private static readonly byte[] s_nodePrefix = Encoding.UTF8.GetBytes(BindingKeys.NodePrefix);
    private static readonly byte[] s_allocationPrefix = Encoding.UTF8.GetBytes(BindingKeys.AllocationPrefix);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, NodeAllocation> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountedPod> _pods = new(StringComparer.Ordinal);
    private readonly List<(long Revision, TaskCompletionSource Waiter)> _waiters = [];
    private readonly KubeStore _store;
    private readonly ObjectCodec<Pod> _podCodec;
    private readonly ObjectCodec<Node> _nodeCodec;
    private long _revision = -1;

    public NodeAllocationIndex(KubeStore store, ApiCatalog catalog, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(loggers);
        _store = store;
        _podCodec = new ObjectCodec<Pod>(catalog.Descriptor<Pod>());
        _nodeCodec = new ObjectCodec<Node>(catalog.Descriptor<Node>());
        _time = time;
        _logger = loggers.CreateLogger("RaftOrchestrator.Server.Kube.Bindings");
    }

    /// <summary>The store revision the index reflects; -1 before its first list.</summary>
    public long Revision
    {
        get
        {
            lock (_lock)
            {
                return _revision;
            }
        }
    }

    /// <summary>Copies of the named nodes (a node never heard of reads as not existing), all at <paramref name="revision"/>.</summary>
    public Dictionary<string, NodeAllocation> Read(IEnumerable<string> nodes, out long revision)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var copies = new Dictionary<string, NodeAllocation>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (string node in nodes)
            {
                if (!copies.ContainsKey(node))
                {
                    copies[node] = _nodes.TryGetValue(node, out NodeAllocation? known) ? known.Copy() : new NodeAllocation();
                }
            }
            revision = _revision;
        }
        return copies;
    }

    /// <summary>Under <c>_lock</c>: applies one key's new state (value null: deleted).</summary>
    private void ApplyLocked(ReadOnlySpan<byte> key, ReadOnlyMemory<byte>? value, long modRevision)
    {
        if (key.StartsWith(s_podPrefix))
        {
            string podKey = Encoding.UTF8.GetString(key[s_podPrefix.Length..]);
            if (_pods.Remove(podKey, out CountedPod old))
            {
                NodeAllocation was = NodeLocked(old.Node);
                was.Requested.Add(old.Requests, -1);
                was.PodCount--;
                ForgetIfUnusedLocked(old.Node, was);
            }
            if (value is { } bytes && TryDecode(_podCodec, bytes, modRevision) is { } pod && CountedPodOf(pod) is { } counted)
            {
                _pods[podKey] = counted;
                NodeAllocation now = NodeLocked(counted.Node);
                now.Requested.Add(counted.Requests);
                now.PodCount++;
            }
        }
        else if (key.StartsWith(s_nodePrefix))
        {
            string name = Encoding.UTF8.GetString(key[s_nodePrefix.Length..]);
            NodeAllocation node = NodeLocked(name);
            Node? decoded = value is { } bytes ? TryDecode(_nodeCodec, bytes, modRevision) : null;
            node.Exists = decoded is not null;
            node.Allocatable = ResourceAmounts.From(decoded?.Status?.Allocatable);
            node.AllowedPods = decoded?.Status?.Allocatable?.TryGetValue(ResourceNames.Pods, out Quantity pods) == true
                && pods.TryGetValue(out long allowed) ? allowed : 0;
            ForgetIfUnusedLocked(name, node);
        }
        else if (key.StartsWith(s_allocationPrefix))
        {
            string name = Encoding.UTF8.GetString(key[s_allocationPrefix.Length..]);
            NodeAllocation node = NodeLocked(name);
            node.AllocationRevision = value is null ? 0 : modRevision;
            ForgetIfUnusedLocked(name, node);
        }
    }

    /// <summary>
    /// The stored object, or null (counted as absent) if its bytes do not decode: the store only holds what the
    /// API wrote, so this is a programming error elsewhere, which must not stop the index.
    /// </summary>
    private T? TryDecode<T>(ObjectCodec<T> codec, ReadOnlyMemory<byte> bytes, long modRevision) where T : class, IKubernetesObject, new()
    {
        try
        {
            return codec.Decode(bytes, modRevision);
        }
        catch (MessagePackSerializationException e)
        {
            BindingLog.UndecodableObject(_logger, e, typeof(T).Name, modRevision, bytes.Length);
            return null;
        }
    }

    private static CountedPod? CountedPodOf(Pod pod) =>
        string.IsNullOrEmpty(pod.Spec.NodeName) || pod.Status?.Phase is "Succeeded" or "Failed"
            ? null
            : new CountedPod(pod.Spec.NodeName, PodRequests.Compute(pod.Spec));

    private NodeAllocation NodeLocked(string name)
    {
        if (!_nodes.TryGetValue(name, out NodeAllocation? node))
        {
            node = new NodeAllocation();
            _nodes[name] = node;
        }
        return node;
    }

    private void ForgetIfUnusedLocked(string name, NodeAllocation node)
    {
        if (node.IsUnused)
        {
            _nodes.Remove(name);
        }
    }

    /// <summary>Under <c>_lock</c>: the index now reflects <paramref name="revision"/>; wakes who waited for it.</summary>
    private void AdvanceLocked(long revision)
    {
        if (revision <= _revision)
        {
            return;
        }
        _revision = revision;
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Revision <= revision)
            {
                _waiters[i].Waiter.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private void ResetLocked()
    {
        _nodes.Clear();
        _pods.Clear();
        _revision = -1;
    }

    private static KeyRange WatchedRange => new(BindingKeys.WatchStart, BindingKeys.WatchEnd);

    /// <summary>A pod that counts on its node, and what it requests there.</summary>
    private readonly record struct CountedPod(string Node, ResourceAmounts Requests);
}
