using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Bindings;

namespace RaftOrchestrator.Server.Tests.Contract;

/// <summary>Batched binding (bindingbatches): per-binding results, capacity re-checks, the fence, validation.</summary>
public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task BindBatch_SomeNoLongerFit_BindsTheRestAndRefusesThoseWithTheReason()
    {
        string ns = await NamespaceAsync("batch");
        string node = await NodeAsync("batch-n1", cpu: "1", pods: "10");
        foreach (string name in (string[])["a", "b", "c", "d"])
        {
            await CreatedAsync(PodRequesting(ns, name, "400m"));
        }
        PodBindingTarget[] bindings =
        [
            To(ns, "a", node), To(ns, "b", node), To(ns, "c", node), To(ns, "missing", node), To(ns, "d", $"{Tag}-no-such-node"),
        ];

        ApiResult<BindingBatchStatus> result = await Client.BindBatchAsync(bindings, cancellationToken: Ct);

        Assert.True(result.IsOk, result.ToString());
        List<BindingResult> results = result.Value.Results;
        Assert.Equal([201, 201, 409, 404, 404], results.Select(r => r.Code));
        Assert.Equal(BindingResult.OutOfCapacity, results[2].Reason);
        Assert.Equal($"node {node}: Insufficient cpu", results[2].Message);
        Assert.Equal("NotFound", results[3].Reason);
        Assert.Contains("no-such-node", results[4].Message, StringComparison.Ordinal);
        Pod bound = (await Client.Resource<Pod>().GetAsync(ns, "a", Ct)).Unwrap();
        Assert.Equal(node, bound.Spec.NodeName);
        Assert.Equal(results[0].ResourceVersion, bound.Metadata.ResourceVersion);
        Assert.Contains(bound.Status.Conditions ?? [], c => c is { Type: "PodScheduled", Status: "True" });
        Assert.True(result.Value.Revision >= Revision(bound.Metadata.ResourceVersion));
        Assert.Null((await Client.Resource<Pod>().GetAsync(ns, "c", Ct)).Unwrap().Spec.NodeName);
    }

    [Fact]
    public async Task BindBatch_AfterSinglePodBindings_CountsThemAndRefusesAlreadyBoundPods()
    {
        string ns = await NamespaceAsync("batch-single");
        string node = await NodeAsync("batch-single-n1", cpu: "4", pods: "2");
        foreach (string name in (string[])["a", "b", "c"])
        {
            await CreatedAsync(PodRequesting(ns, name, "100m"));
        }
        var binding = new Binding { Metadata = new ObjectMeta { Namespace = ns, Name = "a" }, Target = new ObjectReference { Kind = "Node", Name = node } };
        ApiResult<Status> single = await Client.Resource<Pod>().PostSubresourceAsync<Binding, Status>(ns, "a", "binding", binding, Ct);

        ApiResult<BindingBatchStatus> batch = await Client.BindBatchAsync([To(ns, "a", node), To(ns, "b", node), To(ns, "c", node)], cancellationToken: Ct);

        Assert.True(single.IsOk, single.ToString());
        Assert.Contains((await Client.Resource<Pod>().GetAsync(ns, "a", Ct)).Unwrap().Status.Conditions ?? [], c => c is { Type: "PodScheduled", Status: "True" });
        Assert.True(batch.IsOk, batch.ToString());
        Assert.Equal([409, 201, 409], batch.Value.Results.Select(r => r.Code));
        Assert.Equal("Conflict", batch.Value.Results[0].Reason);           // bound by the single binding
        Assert.Equal($"node {node}: Too many pods", batch.Value.Results[2].Message);
    }

    [Fact]
    public async Task BindBatch_Preconditions_RefuseAChangedOrRecreatedPod()
    {
        string ns = await NamespaceAsync("batch-pre");
        string node = await NodeAsync("batch-pre-n1", cpu: "4", pods: "10");
        Pod a = await CreatedAsync(PodRequesting(ns, "a", "100m"));
        await CreatedAsync(PodRequesting(ns, "b", "100m"));
        Pod c = await CreatedAsync(PodRequesting(ns, "c", "100m"));

        ApiResult<BindingBatchStatus> result = await Client.BindBatchAsync(
        [
            To(ns, "a", node, uid: "not-" + a.Metadata.Uid),
            To(ns, "b", node, resourceVersion: "1"),
            To(ns, "c", node, c.Metadata.Uid, c.Metadata.ResourceVersion),
        ], cancellationToken: Ct);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal([409, 409, 201], result.Value.Results.Select(r => r.Code));
        Assert.Contains("Precondition failed", result.Value.Results[0].Message, StringComparison.Ordinal);
        Assert.Null((await Client.Resource<Pod>().GetAsync(ns, "b", Ct)).Unwrap().Spec.NodeName);
    }

    [Fact]
    public async Task BindBatch_StaleFence_RefusesTheWholeBatch()
    {
        string ns = await NamespaceAsync("batch-fence");
        string node = await NodeAsync("batch-fence-n1", cpu: "4", pods: "10");
        await CreatedAsync(PodRequesting(ns, "p", "100m"));
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await CreatedAsync(LeaseOf(ns, "held", "scheduler-b", now));
        await CreatedAsync(LeaseOf(ns, "expired", "scheduler-a", now.AddMinutes(-5)));
        PodBindingTarget[] bindings = [To(ns, "p", node)];

        ApiResult<BindingBatchStatus> takenOver = await Client.BindBatchAsync(bindings, Fence(ns, "held", "scheduler-a"), Ct);
        ApiResult<BindingBatchStatus> expired = await Client.BindBatchAsync(bindings, Fence(ns, "expired", "scheduler-a"), Ct);
        ApiResult<BindingBatchStatus> missing = await Client.BindBatchAsync(bindings, Fence(ns, "no-lease", "scheduler-a"), Ct);
        Assert.Null((await Client.Resource<Pod>().GetAsync(ns, "p", Ct)).Unwrap().Spec.NodeName);
        ApiResult<BindingBatchStatus> holder = await Client.BindBatchAsync(bindings, Fence(ns, "held", "scheduler-b"), Ct);

        Assert.True(takenOver.IsConflict, takenOver.ToString());
        Assert.Equal($"scheduler lease {ns}/held is held by scheduler-b, not scheduler-a", takenOver.Error!.Message);
        Assert.True(expired.IsConflict, expired.ToString());
        Assert.Contains("has expired", expired.Error!.Message, StringComparison.Ordinal);
        Assert.True(missing.IsConflict, missing.ToString());
        Assert.True(holder.IsOk, holder.ToString());
        Assert.Equal(201, holder.Value.Results[0].Code);
    }

    [Fact]
    public async Task BindBatch_InvalidBatch_Is422WithACausePerProblem()
    {
        ApiResult<BindingBatchStatus> empty = await Client.BindBatchAsync([], cancellationToken: Ct);
        ApiResult<BindingBatchStatus> bad = await Client.BindBatchAsync(
            [To("ns", "p", "n1"), To("ns", "p", "n2"), To("", "q", "n1"), To("ns", "r", "Not_A_Node")],
            new BindingFence { LeaseNamespace = "kube-system", LeaseName = "kube-scheduler" }, Ct);
        ApiResult<BindingBatchStatus> tooMany = await Client.BindBatchAsync(
            [.. Enumerable.Range(0, BindingBatchResourceStrategy.MaxBindings + 1).Select(i => To("ns", $"p{i}", "n1"))], cancellationToken: Ct);

        Assert.True(empty.IsInvalid, empty.ToString());
        Assert.True(bad.IsInvalid, bad.ToString());
        string[] fields = [.. bad.Error!.Details!.Causes!.Select(c => c.Field!)];
        Assert.Contains("spec.bindings[1]", fields);              // the same pod twice
        Assert.Contains("spec.bindings[2].namespace", fields);
        Assert.Contains("spec.bindings[3].nodeName", fields);
        Assert.Contains("spec.fence.holderIdentity", fields);
        Assert.True(tooMany.IsInvalid, tooMany.ToString());
        Assert.Contains("must have at most 5000 items", tooMany.Error!.Message, StringComparison.Ordinal);
    }

    /// <summary>A node "&lt;tag&gt;-&lt;name&gt;" (nodes are cluster-wide) with the given allocatable cpu and pods.</summary>
    protected async Task<string> NodeAsync(string name, string cpu, string pods)
    {
        string full = $"{Tag}-{name}";
        Dictionary<string, Quantity> allocatable = new() { ["cpu"] = cpu, ["memory"] = "8Gi", ["pods"] = pods };
        Node created = await CreatedAsync(new Node { Metadata = new ObjectMeta { Name = full } });
        created.Status = new NodeStatus { Capacity = allocatable, Allocatable = allocatable };
        ApiResult<Node> updated = await Client.Resource<Node>().UpdateStatusAsync(created, cancellationToken: Ct);
        Assert.True(updated.IsOk, updated.ToString());
        return full;
    }

    protected static Pod PodRequesting(string ns, string name, string cpu)
    {
        Pod pod = PodOf(ns, name);
        pod.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new() { ["cpu"] = cpu } };
        return pod;
    }

    protected static PodBindingTarget To(string ns, string name, string node, string? uid = null, string? resourceVersion = null) =>
        new() { Namespace = ns, Name = name, NodeName = node, Uid = uid, ResourceVersion = resourceVersion };

    private static BindingFence Fence(string ns, string lease, string holder) => new() { LeaseNamespace = ns, LeaseName = lease, HolderIdentity = holder };

    private static Lease LeaseOf(string ns, string name, string holder, DateTime renewed) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15, AcquireTime = renewed, RenewTime = renewed },
    };
}
