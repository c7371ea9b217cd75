using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// The orchestration invariants over listed snapshots and observed binds:
/// - no node over its allocatable (cpu, memory, pod slots) in any snapshot, counting every pod bound to it that is
///   not terminal (a terminating pod still holds its resources until it is gone);
/// - no pod bound twice: once a pod (by uid) has a node, it never has another, nor none, and it is bound once;
/// - convergence, in the last snapshot: every Deployment has exactly its spec replicas of active (neither terminal
///   nor terminating) pods, all of them Ready.
/// </summary>
public static class OrchestrationChecker
{
    public const string Name = "orchestration";

    private const int MaxListed = 10;

    public static CheckVerdict Check(IEnumerable<ClusterSnapshot> snapshots, IEnumerable<BindObservation> binds)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(binds);
        ClusterSnapshot[] ordered = [.. snapshots.OrderBy(s => s.Revision)];
        if (ordered.Length == 0) return CheckVerdict.Inconclusive(Name, "no cluster snapshots");
        var violations = new List<string>();

        foreach (ClusterSnapshot snapshot in ordered) CheckAllocatable(snapshot, violations);
        CheckSingleBinding(ordered, binds, violations);
        ClusterSnapshot last = ordered[^1];
        CheckConverged(last, violations);

        if (violations.Count > 0)
        {
            string excerpt = string.Join('\n', violations.Take(MaxListed))
                + (violations.Count > MaxListed ? $"\n… and {violations.Count - MaxListed} more" : "");
            return CheckVerdict.Fail(Name, $"{violations.Count} invariant violations", excerpt);
        }
        return CheckVerdict.Pass(Name,
            $"{ordered.Length} snapshots within allocatable, no pod bound twice, {last.Deployments.Count} deployments converged at revision {last.Revision}");
    }

    private static void CheckAllocatable(ClusterSnapshot snapshot, List<string> violations)
    {
        Dictionary<string, PodObservation[]> byNode = snapshot.Pods.Where(p => p.NodeName is not null && !p.Terminal)
            .GroupBy(p => p.NodeName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (NodeObservation node in snapshot.Nodes)
        {
            if (!byNode.TryGetValue(node.Name, out PodObservation[]? pods)) continue;
            long cpu = pods.Sum(p => p.CpuMilli);
            long memory = pods.Sum(p => p.MemoryBytes);
            var over = new List<string>();
            if (cpu > node.AllocatableCpuMilli) over.Add($"cpu {cpu}m of {node.AllocatableCpuMilli}m");
            if (memory > node.AllocatableMemoryBytes) over.Add($"memory {memory} of {node.AllocatableMemoryBytes} bytes");
            if (pods.Length > node.AllocatablePods) over.Add($"{pods.Length} pods of {node.AllocatablePods}");
            if (over.Count > 0)
            {
                violations.Add($"node {node.Name} over allocatable at revision {snapshot.Revision}: {string.Join(", ", over)}; pods "
                    + string.Join(", ", pods.Select(p => $"{p.Namespace}/{p.Name}")));
            }
        }
    }

    private static void CheckSingleBinding(ClusterSnapshot[] ordered, IEnumerable<BindObservation> binds, List<string> violations)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        BindObservation[] distinct = [.. binds.Distinct()];
        foreach (IGrouping<string, BindObservation> pod in distinct.GroupBy(b => b.PodUid, StringComparer.Ordinal))
        {
            BindObservation[] all = [.. pod.OrderBy(b => b.Revision)];
            if (all.Length > 1 && reported.Add(pod.Key))
            {
                violations.Add($"pod {pod.Key} bound {all.Length} times: "
                    + string.Join(", ", all.Select(b => $"{b.NodeName} at revision {b.Revision}")));
            }
        }

        // Every sighting of a pod's node, binds and snapshots merged in revision order: unbound until the first
        // node, then that node for good.
        IEnumerable<(string Uid, string Pod, string? Node, long Revision)> sightings = distinct
            .Select(b => (b.PodUid, b.PodUid, (string?)b.NodeName, b.Revision))
            .Concat(ordered.SelectMany(s => s.Pods.Select(p => (p.Uid, $"{p.Namespace}/{p.Name}", p.NodeName, s.Revision))));
        var first = new Dictionary<string, (string Node, long Revision)>(StringComparer.Ordinal);
        foreach ((string uid, string name, string? node, long revision) in sightings.OrderBy(s => s.Revision))
        {
            if (!first.TryGetValue(uid, out (string Node, long Revision) bound))
            {
                if (node is not null) first[uid] = (node, revision);
                continue;
            }
            if (!string.Equals(node, bound.Node, StringComparison.Ordinal) && reported.Add(uid))
            {
                violations.Add($"pod {name} (uid {uid}) bound to {bound.Node} at revision {bound.Revision}, "
                    + $"then {(node is null ? "unbound" : "on " + node)} at revision {revision}");
            }
        }
    }

    private static void CheckConverged(ClusterSnapshot last, List<string> violations)
    {
        foreach (DeploymentObservation deployment in last.Deployments)
        {
            PodObservation[] active = [.. last.Pods.Where(p => string.Equals(p.Deployment, deployment.Id, StringComparison.Ordinal)
                && !p.Terminal && !p.Terminating)];
            int ready = active.Count(p => p.Ready && p.NodeName is not null);
            if (active.Length != deployment.SpecReplicas || ready != deployment.SpecReplicas)
            {
                violations.Add($"deployment {deployment.Id} not converged at revision {last.Revision}: "
                    + $"{ready} ready of {active.Length} active pods, spec {deployment.SpecReplicas} replicas");
            }
        }
    }
}
