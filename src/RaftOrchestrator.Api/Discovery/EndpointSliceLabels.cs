namespace RaftOrchestrator.Api.Discovery;

/// <summary>The well-known labels of EndpointSlices: which service a slice serves and who maintains it.</summary>
public static class EndpointSliceLabels
{
    /// <summary>The name of the service the slice belongs to.</summary>
    public const string ServiceName = "kubernetes.io/service-name";

    /// <summary>The controller or agent that maintains the slice; each leaves the others' slices alone.</summary>
    public const string ManagedBy = "endpointslice.kubernetes.io/managed-by";

    /// <summary>The managed-by value of the endpoint slice controller.</summary>
    public const string ControllerName = "endpointslice-controller.k8s.io";
}
