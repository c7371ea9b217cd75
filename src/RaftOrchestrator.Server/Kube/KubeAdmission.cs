using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The built-in admission plugins and kind hooks, in kube-apiserver's order.</summary>
public static class KubeAdmission
{
    public static IEnumerable<IMutatingAdmission> Mutating(IServiceProvider services)
    {
        _ = services;
        return [];
    }

    public static IEnumerable<IValidatingAdmission> Validating(IServiceProvider services)
    {
        _ = services;
        return [];
    }

    public static EndpointHookRegistry Hooks(IServiceProvider services)
    {
        _ = services;
        return new EndpointHookRegistry();
    }
}
