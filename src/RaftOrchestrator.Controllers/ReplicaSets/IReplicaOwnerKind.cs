using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// What differs between the kinds that keep N pods running (apps/v1 ReplicaSet, core/v1 ReplicationController):
/// where their fields live, the selector's type and the status types. Everything else is the one reconciler's.
/// Reads never change the owner (it is the cache's).
/// </summary>
internal interface IReplicaOwnerKind<TOwner> where TOwner : class, IKubernetesObject, new()
{
    /// <summary>The apiVersion of owner references to this kind ("apps/v1", "v1").</summary>
    string ApiVersion { get; }

    string Kind { get; }

    int Replicas(TOwner owner);

    int MinReadySeconds(TOwner owner);

    PodTemplateSpec? Template(TOwner owner);

    /// <summary>The compiled selector; false (with the reason) when the stored selector is not a valid one.</summary>
    bool TryGetSelector(TOwner owner, out LabelSelectorMatcher selector, out string? error);

    ReplicaStatus ReadStatus(TOwner owner);

    /// <summary>Replaces the status of <paramref name="owner"/> (a copy the caller owns).</summary>
    void WriteStatus(TOwner owner, ReplicaStatus status);
}
