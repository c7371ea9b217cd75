namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>Settings of the endpoint slice controller.</summary>
public sealed record EndpointSliceOptions
{
    /// <summary>Endpoints per slice (Kubernetes' --max-endpoints-per-slice: 100, at most 1000).</summary>
    public int MaxEndpointsPerSlice { get; init; } = 100;
}
