using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>Keeps each apps/v1 ReplicaSet's pods at spec.replicas (kube-controller-manager's "replicaset").</summary>
public sealed class ReplicaSetController : IController
{
    private readonly ReplicaControllerCore<ReplicaSet> _core;

    public ReplicaSetController()
        : this(new ReplicaSetOptions())
    {
    }

    public ReplicaSetController(ReplicaSetOptions options) =>
        _core = new ReplicaControllerCore<ReplicaSet>("replicaset", ReplicaSetKind.Instance, options ?? new ReplicaSetOptions());

    public string Name => _core.Name;

    public void Register(ControllerContext context) => _core.Register(context);

    public Task RunAsync(int workers, CancellationToken cancellationToken) => _core.RunAsync(workers, cancellationToken);
}
