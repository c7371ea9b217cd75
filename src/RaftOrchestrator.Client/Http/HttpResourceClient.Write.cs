using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client.Http;

internal sealed partial class HttpResourceClient<T>
{
    public Task<ApiResult<T>> CreateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        string path = WriteQuery(_paths.Collection(value.Metadata?.Namespace), request, apply: false);
        return client.SendAsync(HttpMethod.Post, path, Encode(value), ReplyReader.ReadAsync<T>, cancellationToken);
    }

    public Task<ApiResult<T>> UpdateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        PutAsync(value, null, request, cancellationToken);

    public Task<ApiResult<T>> UpdateStatusAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        PutAsync(value, "status", request, cancellationToken);

    public Task<ApiResult<T>> PatchAsync(string? @namespace, string name, Patch patch, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        bool apply = patch.Type == PatchType.Apply;
        string path = WriteQuery(_paths.Item(@namespace, name, patch.Subresource), request, apply);
        return client.SendAsync(HttpMethod.Patch, path, new HttpClusterClient.Body(patch.Body, WireMediaTypes.For(patch.Type)), ReplyReader.ReadAsync<T>, cancellationToken);
    }

    public Task<ApiResult<T>> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        HttpClusterClient.Body? body = options is null
            ? null
            : new HttpClusterClient.Body(JsonSerializer.SerializeToUtf8Bytes(options, ApiJson.TypeInfo<DeleteOptions>()), WireMediaTypes.Json);
        return client.SendAsync(HttpMethod.Delete, _paths.Item(@namespace, name), body, ReplyReader.ReadAsync<T>, cancellationToken);
    }

    public Task<ApiResult<TReply>> PostSubresourceAsync<TBody, TReply>(string? @namespace, string name, string subresource, TBody body, CancellationToken cancellationToken = default)
        where TBody : class, IKubernetesObject, new()
        where TReply : class
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(subresource);
        var content = new HttpClusterClient.Body(JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.TypeInfo<TBody>()), WireMediaTypes.Json);
        return client.SendAsync(HttpMethod.Post, _paths.Item(@namespace, name, subresource), content, ReplyReader.ReadAsync<TReply>, cancellationToken);
    }

    private Task<ApiResult<T>> PutAsync(T value, string? subresource, WriteRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        string name = value.Metadata?.Name is { Length: > 0 } named ? named : throw new ArgumentException("an update needs metadata.name", nameof(value));
        string path = WriteQuery(_paths.Item(value.Metadata.Namespace, name, subresource), request, apply: false);
        return client.SendAsync(HttpMethod.Put, path, Encode(value), ReplyReader.ReadAsync<T>, cancellationToken);
    }

    /// <summary>
    /// dryRun, fieldManager and (apply only) force. Apply needs a field manager: without one in the request it is
    /// the user agent's product ("rorch-controller-manager" of "rorch-controller-manager/1.0"), the name the server
    /// would derive for other writes.
    /// </summary>
    private string WriteQuery(string path, WriteRequest? request, bool apply)
    {
        string? manager = request?.FieldManager;
        if (apply && string.IsNullOrEmpty(manager))
        {
            manager = client.Options.UserAgent.Split('/')[0];
        }
        return new QueryBuilder(path)
            .Add("dryRun", request?.DryRun == true ? "All" : null)
            .Add("fieldManager", manager)
            .Add("force", apply && request?.Force == true)
            .ToString();
    }
}
