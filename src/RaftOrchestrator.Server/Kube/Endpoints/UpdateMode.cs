namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>Which part of an object an update may change.</summary>
public enum UpdateMode
{
    /// <summary>The object (a kind with a status subresource keeps its old status).</summary>
    Main = 0,
    /// <summary>The status subresource: only status changes, spec and metadata stay.</summary>
    Status,
    /// <summary>
    /// A namespace's finalize subresource: the mutation gives the stored object with only spec.finalizers changed,
    /// and the main resource's update rules (which keep spec.finalizers) are not applied.
    /// </summary>
    Finalize,
}
