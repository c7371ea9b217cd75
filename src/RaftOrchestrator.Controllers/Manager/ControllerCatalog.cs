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
    private static readonly (string Name, Func<ControllerManagerOptions, IController> Create)[] s_all =
    [
        ("replicaset", _ => new ReplicaSetController()),
        ("replicationcontroller", _ => new ReplicationManager()),
        ("deployment", _ => new DeploymentController()),
        ("garbagecollector", _ => new GarbageCollector()),
        (NamespaceController.ControllerName, _ => new NamespaceController()),
        (ServiceAccountController.ControllerName, _ => new ServiceAccountController()),
        (EndpointsController.ControllerName, _ => new EndpointsController()),
        (EndpointSliceController.ControllerName, _ => new EndpointSliceController()),
        (NodeLifecycleController.ControllerName, o => new NodeLifecycleController(o.NodeLifecycle)),
        (TaintEvictionController.ControllerName, _ => new TaintEvictionController()),
    ];

    public static IReadOnlyCollection<string> Names { get; } = [.. s_all.Select(c => c.Name)];

    /// <summary>New instances of the selected controllers (a manager makes a fresh set for every leadership term).</summary>
    public static IReadOnlyList<IController> Create(ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. s_all.Where(c => options.Controllers.IsEnabled(c.Name)).Select(c => c.Create(options))];
    }
}
