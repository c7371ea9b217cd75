namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// One controller of the manager. <see cref="Register"/> wires its informer handlers (before the factory starts);
/// <see cref="RunAsync"/> runs its workers until cancelled, then drains its queue.
/// </summary>
public interface IController
{
    /// <summary>The name in logs and in --controllers (replicaset, deployment, garbagecollector, ...).</summary>
    string Name { get; }

    void Register(ControllerContext context);

    Task RunAsync(int workers, CancellationToken cancellationToken);
}
