using RaftOrchestrator.Controllers.Deployments;
using RaftOrchestrator.Controllers.Endpoints;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.GarbageCollection;
using RaftOrchestrator.Controllers.Namespaces;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Controllers.ReplicaSets;
using RaftOrchestrator.Controllers.ServiceAccounts;

namespace RaftOrchestrator.Controllers.Manager;

/// <summary>Every controller the manager can run, by its --controllers name (kube-controller-manager's names).</summary>
public static class ControllerCatalog
{
    private static readonly (string Name, Func<IController> Create)[] s_all =
    [
        ("replicaset", () => new ReplicaSetController()),
        ("replicationcontroller", () => new ReplicationManager()),
        ("deployment", () => new DeploymentController()),
        ("garbagecollector", () => new GarbageCollector()),
        (NamespaceController.ControllerName, () => new NamespaceController()),
        (ServiceAccountController.ControllerName, () => new ServiceAccountController()),
        (EndpointsController.ControllerName, () => new EndpointsController()),
        (EndpointSliceController.ControllerName, () => new EndpointSliceController()),
        (NodeLifecycleController.ControllerName, () => new NodeLifecycleController()),
        (TaintEvictionController.ControllerName, () => new TaintEvictionController()),
    ];

    public static IReadOnlyCollection<string> Names { get; } = [.. s_all.Select(c => c.Name)];

    /// <summary>New instances of the selected controllers (a manager makes a fresh set for every leadership term).</summary>
    public static IReadOnlyList<IController> Create(ControllerSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return [.. s_all.Where(c => selection.IsEnabled(c.Name)).Select(c => c.Create())];
    }
}
