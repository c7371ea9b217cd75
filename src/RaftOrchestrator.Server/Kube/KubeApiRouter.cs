using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// The Kubernetes API's request pipeline: authentication (or the <see cref="TrustedUserFeature"/> of an in-process
/// request), then the non-resource paths (version, health, discovery, OpenAPI), then authorization and the resource
/// endpoint of the path's kind. Any unexpected failure is a 500 Status for that request only.
/// </summary>
public sealed partial class KubeApiRouter
{
    private readonly KubeApiServices _services;
    private readonly IAuthenticator _authenticator;
    private readonly IAuthorizer _authorizer;
    private readonly Dictionary<(string Group, string Plural), IResourceEndpoint> _endpoints = [];
    private readonly Discovery _discovery;
    private readonly OpenApiDocuments _openApi;

    public KubeApiRouter(KubeApiServices services, IAuthenticator authenticator, IAuthorizer authorizer, EndpointHookRegistry hooks, string serverAddress)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _authenticator = authenticator;
        _authorizer = authorizer;
        var factory = new EndpointFactory(services, hooks);
        foreach (ResourceDescriptor descriptor in services.Catalog.Resources)
        {
            _endpoints[(descriptor.Group, descriptor.Plural)] = descriptor.Accept(factory);
        }
        _discovery = new Discovery(services.Catalog, serverAddress);
        _openApi = new OpenApiDocuments(services.Catalog);
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            UserInfo? user = context.Features.Get<TrustedUserFeature>()?.User ?? _authenticator.Authenticate(context.Request);
            if (user is null)
            {
                await Replies.StatusAsync(context, ApiStatus.Unauthorized());
                return;
            }
            string path = context.Request.Path.Value ?? "/";
            if (await TryNonResourceAsync(context, path))
            {
                return;
            }
            RequestInfo? info = RequestInfo.Parse(path);
            if (info is null || !_endpoints.TryGetValue((info.Group, info.Resource), out IResourceEndpoint? endpoint) || endpoint.Descriptor.Version != info.Version)
            {
                await Replies.StatusAsync(context, ApiStatus.NotFoundPath());
                return;
            }
            AuthorizationDecision decision = _authorizer.Authorize(user, Verb(context.Request, info), info, path);
            if (!decision.Allowed)
            {
                await Replies.StatusAsync(context, ApiStatus.Forbidden(
                    $"{endpoint.Descriptor.QualifiedPlural} is forbidden: User \"{user.Name}\" cannot {Verb(context.Request, info)} resource \"{info.Resource}\" in API group \"{info.Group}\"{(info.Namespace is null ? "" : $" in the namespace \"{info.Namespace}\"")}"));
                return;
            }
            await endpoint.HandleAsync(context, info, user);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            KubeLog.RequestFailed(_services.Logger, e, context.Request.Method, context.Request.Path.Value ?? "");
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Replies.StatusAsync(context, ApiStatus.InternalError(e.Message));
            }
        }
    }

    /// <summary>The Kubernetes verb of a request, as authorization sees it.</summary>
    public static string Verb(HttpRequest request, RequestInfo info)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(info);
        return request.Method switch
        {
            "GET" when info.Name is null => ListOptions.Flag(request.Query, "watch") ? "watch" : "list",
            "GET" => "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when info.Name is null => "deletecollection",
            "DELETE" => "delete",
            _ => request.Method.ToLowerInvariant(),
        };
    }

    /// <summary>Builds each kind's typed endpoint without reflection.</summary>
    private sealed class EndpointFactory(KubeApiServices services, EndpointHookRegistry hooks) : IResourceDescriptorVisitor<IResourceEndpoint>
    {
        public IResourceEndpoint Visit<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new() =>
            new ResourceEndpoint<T>(descriptor, services, hooks.For<T>());
    }
}
