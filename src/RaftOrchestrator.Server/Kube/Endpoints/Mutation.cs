using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>
/// Computes the next version of an object from the current one (null when absent). It must not change
/// <paramref name="current"/>'s object: it returns a new one, or the Status to answer. It is called again when
/// the store moved on between the read and the write.
/// </summary>
public delegate (T? Next, Status? Error) Mutation<T>(Stored<T>? current) where T : class, IKubernetesObject, new();
