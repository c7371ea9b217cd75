using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>
/// Values an object takes from a shared pool (a Service's cluster IP and node ports). Each reserved value is a key
/// of its own, created in the same transaction as the object under a compare that it is absent, so two objects
/// can never hold the same value; the object's delete removes them in its transaction.
/// </summary>
public interface IAllocationPolicy<T> where T : class, IKubernetesObject, new()
{
    /// <summary>
    /// Fills the values (attempt 0, 1, ... pick different candidates) and returns the guards and puts for the
    /// create, or the Status to answer (a requested value that is taken, a pool exhausted).
    /// </summary>
    (Reservation? Reservation, Status? Error) Reserve(T value, int attempt);

    /// <summary>The deletes of the reservation keys, for the object's delete transaction.</summary>
    IReadOnlyList<RequestOp> Release(T value);
}
