using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client;

/// <summary>
/// The one way controllers, the scheduler and agents reach the cluster. Two implementations honour the same
/// contract (and pass the same contract tests): <c>HttpClusterClient</c> over the Kubernetes API (MessagePack
/// by default, JSON optional; any replica, follower or leader) and the in-process client of a server replica,
/// which runs the same request pipeline without a socket.
/// </summary>
/// <remarks>
/// Expected outcomes (not found, conflict, already exists, gone, invalid) come back as <see cref="ApiResult{T}"/>
/// values carrying the server's <see cref="Status"/>; exceptions are for a broken client (disposed, cancelled).
/// A transport failure (no replica reachable) is a result too: code 503, reason ServiceUnavailable.
/// </remarks>
public interface IClusterClient : IAsyncDisposable
{
    /// <summary>The typed client of one kind. Cheap; the same instance is returned for the same kind.</summary>
    IResourceClient<T> Resource<T>() where T : class, IKubernetesObject, new();
}
