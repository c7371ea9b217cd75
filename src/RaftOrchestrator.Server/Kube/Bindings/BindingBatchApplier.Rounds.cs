using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Bindings;

public sealed partial class BindingBatchApplier
{
    /// <summary>
    /// Checks each pending binding against the local store and the index; refusals go into
    /// <paramref name="results"/>, the rest into one plan per node (in batch order, so earlier bindings to a node
    /// take its room first).
    /// </summary>
    private List<NodePlan> Evaluate(List<PodBindingTarget> bindings, List<int> pending, BindingResult?[] results)
    {
        Dictionary<string, NodeAllocation> nodes = _index.Read(pending.Select(i => bindings[i].NodeName), out _);
        var plans = new Dictionary<string, NodePlan>(StringComparer.Ordinal);
        DateTime now = _services.NowSeconds();
        foreach (int i in pending)
        {
            PodBindingTarget binding = bindings[i];
            Stored<Pod>? stored = _pods.Get(binding.Namespace, binding.Name);
            if (PodRefusal(binding, stored) is { } refusal)
            {
                results[i] = refusal;
                continue;
            }
            NodeAllocation node = nodes[binding.NodeName];
            if (!node.Exists)
            {
                results[i] = Refused(404, "NotFound", $"nodes \"{binding.NodeName}\" not found");
                continue;
            }
            Pod pod = stored!.Value;
            ResourceAmounts requests = PodRequests.Compute(pod.Spec);
            if (node.Misfit(requests) is { } misfit)
            {
                results[i] = Refused(409, BindingResult.OutOfCapacity, $"node {binding.NodeName}: {misfit}");
                continue;
            }
            node.Assume(requests);
            if (!plans.TryGetValue(binding.NodeName, out NodePlan? plan))
            {
                plan = new NodePlan(binding.NodeName, node.AllocationRevision);
                plans[binding.NodeName] = plan;
            }
            PodAssignment.Assign(pod, binding.NodeName, now);
            plan.Pods.Add((i, pod, stored.Revision));
        }
        return [.. plans.Values];
    }

    /// <summary>Why the pod cannot be bound whatever the node (the checks of kube-apiserver's binding, plus the preconditions).</summary>
    private static BindingResult? PodRefusal(PodBindingTarget binding, Stored<Pod>? stored)
    {
        if (stored is null)
        {
            return Refused(404, "NotFound", $"pods \"{binding.Name}\" not found");
        }
        Api.Meta.ObjectMeta meta = stored.Value.Metadata;
        if (!string.IsNullOrEmpty(binding.Uid) && binding.Uid != meta.Uid)
        {
            return Refused(409, "Conflict", $"Precondition failed: UID in precondition: {binding.Uid}, UID in object meta: {meta.Uid}");
        }
        if (!string.IsNullOrEmpty(binding.ResourceVersion) && binding.ResourceVersion != stored.Revision.ToString(CultureInfo.InvariantCulture))
        {
            return Refused(409, "Conflict", $"Operation cannot be fulfilled on pods \"{binding.Name}\": the object has been modified; please apply your changes to the latest version and try again");
        }
        if (meta.DeletionTimestamp is not null)
        {
            return Refused(409, "Conflict", $"pod {binding.Name} is being deleted, cannot be assigned to a host");
        }
        if (!string.IsNullOrEmpty(stored.Value.Spec.NodeName))
        {
            return Refused(409, "Conflict", $"pod {binding.Name} is already assigned to node \"{stored.Value.Spec.NodeName}\"");
        }
        return null;
    }

    /// <summary>
    /// One transaction per plan, all in one Raft entry. Bound bindings get their results; the indexes of plans
    /// whose compares failed come back for the next round, with the highest revision committed.
    /// </summary>
    private async Task<(List<int> Pending, long Revision)> CommitAsync(
        BindingFence? fence, List<NodePlan> plans, long leaseRevision, BindingResult?[] results, CancellationToken cancellationToken)
    {
        byte[]? leaseKey = fence is null ? null : StoreKeys.Bytes(_leases.Descriptor.Key(fence.LeaseNamespace, fence.LeaseName));
        var txns = new List<TxnRequest>(plans.Count);
        foreach (NodePlan plan in plans)
        {
            var compares = new List<Compare>(plan.Pods.Count + 2);
            var puts = new List<RequestOp>(plan.Pods.Count + 1);
            foreach ((int _, Pod pod, long podRevision) in plan.Pods)
            {
                byte[] key = StoreKeys.Bytes(_pods.Descriptor.Key(pod.Metadata.Namespace, pod.Metadata.Name!));
                compares.Add(Compare.ModRevision(key, CompareResult.Equal, podRevision));
                puts.Add(new PutOp(key, _pods.Codec.Encode(pod)));
            }
            compares.Add(Compare.ModRevision(BindingKeys.Allocation(plan.Node), CompareResult.Equal, plan.AllocationRevision));
            if (leaseKey is not null)
            {
                compares.Add(Compare.ModRevision(leaseKey, CompareResult.Equal, leaseRevision));
            }
            puts.Add(PodAssignment.AllocationPut(plan.Node));
            txns.Add(new TxnRequest(compares, puts, []));
        }
        ProposalOutcome[] outcomes = await ProposeAsync(txns, cancellationToken);
        var retry = new List<int>();
        long revision = 0;
        for (int p = 0; p < plans.Count; p++)
        {
            ProposalOutcome outcome = outcomes[p];
            if (outcome.Status == ProposalStatus.Applied && outcome.Result.Txn.Succeeded)
            {
                revision = Math.Max(revision, outcome.Result.Txn.Revision);
                string resourceVersion = outcome.Result.Txn.Revision.ToString(CultureInfo.InvariantCulture);
                foreach ((int index, Pod _, long _) in plans[p].Pods)
                {
                    results[index] = new BindingResult { Code = 201, ResourceVersion = resourceVersion };
                }
            }
            else if (outcome.Status == ProposalStatus.Applied)
            {
                retry.AddRange(plans[p].Pods.Select(x => x.Index));
            }
            else
            {
                BindingResult failure = outcome.Status switch
                {
                    ProposalStatus.TimedOut => Refused(504, "Timeout", "request timed out: no leader committed the write in time"),
                    ProposalStatus.TooLarge => Refused(413, "RequestEntityTooLarge", $"the bindings to node {plans[p].Node} make too large a transaction"),
                    _ => Refused(503, "ServiceUnavailable", "the server is shutting down"),
                };
                foreach ((int index, Pod _, long _) in plans[p].Pods)
                {
                    results[index] = failure;
                }
            }
        }
        retry.Sort();   // batch order again, so the next round gives room in the same order
        return (retry, revision);
    }

    /// <summary>
    /// The transactions as one group (one Raft entry); a group too large for one entry is split in halves, each
    /// again one entry, down to single transactions.
    /// </summary>
    private async Task<ProposalOutcome[]> ProposeAsync(List<TxnRequest> txns, CancellationToken cancellationToken)
    {
        ProposalOutcome[] outcomes = await _services.Store.TxnGroupAsync(txns, cancellationToken);
        if (txns.Count < 2 || outcomes.Any(o => o.Status != ProposalStatus.TooLarge))
        {
            return outcomes;
        }
        int half = txns.Count / 2;
        ProposalOutcome[][] parts = await Task.WhenAll(
            ProposeAsync(txns[..half], cancellationToken),
            ProposeAsync(txns[half..], cancellationToken));
        return [.. parts[0], .. parts[1]];
    }
}
