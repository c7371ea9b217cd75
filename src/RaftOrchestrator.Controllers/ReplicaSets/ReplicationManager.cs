using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// Keeps each core/v1 ReplicationController's pods at spec.replicas (kube-controller-manager's
/// "replicationcontroller", whose type Kubernetes calls ReplicationManager). Same reconciler as ReplicaSets.
/// </summary>
public sealed class ReplicationManager : IController
{
    private readonly ReplicaControllerCore<ReplicationController> _core;

    public ReplicationManager()
        : this(new ReplicaSetOptions())
    {
    }

    public ReplicationManager(ReplicaSetOptions options) =>
        _core = new ReplicaControllerCore<ReplicationController>("replicationcontroller", ReplicationControllerKind.Instance, options ?? new ReplicaSetOptions());

    public string Name => _core.Name;

    public void Register(ControllerContext context) => _core.Register(context);

    public Task RunAsync(int workers, CancellationToken cancellationToken) => _core.RunAsync(workers, cancellationToken);
}
