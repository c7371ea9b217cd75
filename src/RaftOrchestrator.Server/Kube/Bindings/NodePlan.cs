using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// The bindings of one evaluation round that go to one node: one transaction, guarded by each pod's mod
/// revision, the node's allocation key revision and the fence lease's revision as they were evaluated.
/// </summary>
internal sealed class NodePlan(string node, long allocationRevision)
{
    public string Node => node;

    public long AllocationRevision => allocationRevision;

    /// <summary>(index in spec.bindings, the pod as it will be written, the mod revision it was read at).</summary>
    public List<(int Index, Pod Pod, long Revision)> Pods { get; } = [];
}
