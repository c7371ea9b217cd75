using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>The kind-specific hooks (subresources, deletion policies), keyed by the kind's type.</summary>
public sealed class EndpointHookRegistry
{
    private readonly Dictionary<Type, object> _hooks = [];

    public EndpointHookRegistry Add<T>(EndpointHooks<T> hooks) where T : class, IKubernetesObject, new()
    {
        _hooks[typeof(T)] = hooks;
        return this;
    }

    public EndpointHooks<T> For<T>() where T : class, IKubernetesObject, new() =>
        _hooks.TryGetValue(typeof(T), out object? hooks) ? (EndpointHooks<T>)hooks : new EndpointHooks<T>([]);
}
