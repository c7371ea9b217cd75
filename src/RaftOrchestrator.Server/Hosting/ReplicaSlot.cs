using RaftOrchestrator.Consensus.Hosting;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>Holds the replica for dependency injection: the container is built before the replica starts.</summary>
public sealed class ReplicaSlot
{
    public ReplicatedStore? Replica { get; set; }
}
