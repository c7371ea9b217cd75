using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Auth;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>The non-generic face of one kind's endpoint, for the router.</summary>
public interface IResourceEndpoint
{
    ResourceDescriptor Descriptor { get; }

    Task HandleAsync(HttpContext context, RequestInfo info, UserInfo user);
}
