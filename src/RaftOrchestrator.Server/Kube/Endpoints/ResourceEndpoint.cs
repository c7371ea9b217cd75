using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>
/// Every verb of one kind: get, list, watch, create, update, patch, delete, deletecollection, and the status and
/// scale subresources. Kind-specific subresources (pods/binding, pods/eviction) are <see cref="ISubresourceHandler{T}"/>s.
/// Partial files split it by verb family.
/// </summary>
public sealed partial class ResourceEndpoint<T> : IResourceEndpoint where T : class, IKubernetesObject, new()
{
    private readonly ResourceDescriptor<T> _descriptor;
    private readonly KubeApiServices _services;
    private readonly ResourceStore<T> _store;
    private readonly ObjectDecoder<T> _decoder;
    private readonly Dictionary<string, ISubresourceHandler<T>> _subresources;
    private readonly IDeletionPolicy<T>? _deletion;
    private readonly IAllocationPolicy<T>? _allocation;

    public ResourceEndpoint(ResourceDescriptor<T> descriptor, KubeApiServices services, EndpointHooks<T> hooks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(hooks);
        _descriptor = descriptor;
        _services = services;
        _store = new ResourceStore<T>(descriptor, services.Store);
        _decoder = new ObjectDecoder<T>(descriptor);
        _subresources = hooks.Subresources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _deletion = hooks.Deletion;
        _allocation = hooks.Allocation;
    }

    public ResourceDescriptor Descriptor => _descriptor;

    internal ResourceStore<T> Store => _store;

    internal ResourceStrategy<T> Strategy => _descriptor.Strategy;

    internal KubeApiServices Services => _services;

    public Task HandleAsync(HttpContext context, RequestInfo info, UserInfo user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(info);
        string method = context.Request.Method;
        if (_descriptor.Namespaced && info.Name is not null && info.Namespace is null)
        {
            return Replies.StatusAsync(context, ApiStatus.NotFoundPath());
        }
        if (!_descriptor.Namespaced && info.Namespace is not null)
        {
            return Replies.StatusAsync(context, ApiStatus.NotFoundPath());
        }
        var request = new EndpointRequest(context, info, user);
        if (!_descriptor.Stored)
        {
            return method == HttpMethods.Post && info.Name is null && _subresources.TryGetValue("", out ISubresourceHandler<T>? virtualKind)
                ? virtualKind.HandleAsync(this, request)
                : Replies.StatusAsync(context, ApiStatus.MethodNotAllowed());
        }
        switch (info.Subresource)
        {
            case null:
                return HandleMainAsync(request, method);
            case "status" when _descriptor.Strategy.HasStatusSubresource:
                return HandleStatusAsync(request, method);
            case "scale" when _descriptor.Strategy.Scale is not null:
                return HandleScaleAsync(request, method);
            default:
                return _subresources.TryGetValue(info.Subresource, out ISubresourceHandler<T>? handler)
                    ? handler.HandleAsync(this, request)
                    : Replies.StatusAsync(context, ApiStatus.NotFoundPath());
        }
    }

    private Task HandleMainAsync(EndpointRequest request, string method)
    {
        bool collection = request.Info.Name is null;
        if (collection && _descriptor.Namespaced && request.Info.Namespace is null && method != HttpMethods.Get)
        {
            return Replies.StatusAsync(request.Context, ApiStatus.NotFoundPath());
        }
        return (method, collection) switch
        {
            ("GET", true) when ListOptions.Flag(request.Context.Request.Query, "watch") => WatchAsync(request),
            ("GET", true) => ListAsync(request),
            ("GET", false) => GetAsync(request),
            ("POST", true) => CreateAsync(request),
            ("PUT", false) => ReplaceAsync(request),
            ("PATCH", false) => PatchAsync(request, UpdateMode.Main),
            ("DELETE", false) => DeleteAsync(request),
            ("DELETE", true) => DeleteCollectionAsync(request),
            _ => Replies.StatusAsync(request.Context, ApiStatus.MethodNotAllowed()),
        };
    }

    /// <summary>Linearizable unless the client asked for any version ("0"): a ReadIndex round, shared by concurrent readers.</summary>
    internal async Task<Status?> BarrierAsync(string? resourceVersion, CancellationToken cancellationToken)
    {
        if (resourceVersion == "0")
        {
            return null;
        }
        ReadStatus status = await _services.Store.ReadBarrierAsync(cancellationToken);
        return status switch
        {
            ReadStatus.Ok => null,
            ReadStatus.TimedOut => ApiStatus.Timeout("the server was unable to confirm a consistent read in time (no leader)"),
            _ => ApiStatus.ServiceUnavailable("the server is shutting down"),
        };
    }

    internal static Status WriteFailure(WriteOutcome outcome) => outcome.Status switch
    {
        WriteStatus.TimedOut => ApiStatus.Timeout("request timed out: no leader committed the write in time"),
        WriteStatus.TooLarge => ApiStatus.TooLarge(RequestBody.Limit),
        _ => ApiStatus.ServiceUnavailable("the server is shutting down"),
    };

    internal string? NamespaceOf(EndpointRequest request) => _descriptor.Namespaced ? request.Info.Namespace : null;
}
