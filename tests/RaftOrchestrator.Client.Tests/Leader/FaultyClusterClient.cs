using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>One candidate's view of a shared store, through its own <see cref="FaultPlan"/>.</summary>
internal sealed class FaultyClusterClient(IClusterClient inner, TimeProvider time) : IClusterClient
{
    private readonly Dictionary<Type, object> _resources = [];

    public FaultPlan Faults { get; } = new();

    public IResourceClient<T> Resource<T>() where T : class, IKubernetesObject, new()
    {
        if (!_resources.TryGetValue(typeof(T), out object? resource))
        {
            resource = new FaultyResourceClient<T>(inner.Resource<T>(), Faults, time);
            _resources[typeof(T)] = resource;
        }
        return (IResourceClient<T>)resource;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
