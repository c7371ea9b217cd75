using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// One kind's verbs over HTTP. Bodies go in the client's wire format, except DeleteOptions and subresource bodies
/// (pods/binding, pods/eviction), which the server reads as JSON only; replies are read in the format the server
/// answered in. Partial files split it into reads and watches, and writes.
/// </summary>
internal sealed partial class HttpResourceClient<T>(HttpClusterClient client, ResourceDescriptor<T> descriptor) : IResourceClient<T>
    where T : class, IKubernetesObject, new()
{
    private readonly ResourcePaths _paths = new(descriptor);

    public ResourceDescriptor<T> Descriptor => descriptor;

    private WireFormat Format => client.Options.Format;

    public Task<ApiResult<T>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        client.SendAsync(HttpMethod.Get, _paths.Item(@namespace, name), null, ReplyReader.ReadAsync<T>, cancellationToken);

    public Task<ApiResult<ObjectList<T>>> ListAsync(string? @namespace, ListRequest? request = null, CancellationToken cancellationToken = default)
    {
        string path = new QueryBuilder(_paths.Collection(@namespace))
            .Add("labelSelector", request?.LabelSelector)
            .Add("fieldSelector", request?.FieldSelector)
            .Add("limit", request?.Limit ?? 0)
            .Add("continue", request?.Continue)
            .Add("resourceVersion", request?.ResourceVersion)
            .Add("resourceVersionMatch", request?.ResourceVersionMatch)
            .ToString();
        return client.SendAsync(HttpMethod.Get, path, null, ReadListAsync, cancellationToken);
    }

    public Task<ApiResult<IWatchStream<T>>> WatchAsync(string? @namespace, WatchRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new WatchRequest();
        string path = new QueryBuilder(_paths.Collection(@namespace))
            .Add("watch", true)
            .Add("resourceVersion", request.ResourceVersion)
            .Add("labelSelector", request.LabelSelector)
            .Add("fieldSelector", request.FieldSelector)
            .Add("allowWatchBookmarks", request.AllowBookmarks)
            .Add("timeoutSeconds", request.Timeout is { } timeout ? (long)Math.Ceiling(Math.Max(1, timeout.TotalSeconds)) : 0)
            .ToString();
        return client.SendAsync(HttpMethod.Get, path, null, OpenWatchAsync, cancellationToken);
    }

    private static async Task<ApiResult<ObjectList<T>>> ReadListAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ApiResult<ObjectList<T>> list = await ReplyReader.ReadAsync<ObjectList<T>>(response, cancellationToken);
        if (list.IsOk)
        {
            list.Value.Metadata ??= new ListMeta();
            list.Value.Items ??= [];
            foreach (T item in list.Value.Items)
            {
                item.Metadata ??= new ObjectMeta();
            }
        }
        return list;
    }

    /// <summary>A 200 is the stream (it owns the reply from here on); anything else is the server's Status.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "the stream is the result: the caller disposes it")]
    private static async Task<ApiResult<IWatchStream<T>>> OpenWatchAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                return ApiResult.Fail<IWatchStream<T>>(await ReplyReader.FailureAsync(response, cancellationToken));
            }
        }
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return ApiResult.Ok<IWatchStream<T>>(new HttpWatchStream<T>(response, body, WireMediaTypes.IsMessagePack(response.Content)));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpClusterClient.Body Encode(T value) => Format == WireFormat.MessagePack
        ? new HttpClusterClient.Body(ApiMessagePack.Serialize(value), WireMediaTypes.MessagePack)
        : new HttpClusterClient.Body(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.TypeInfo<T>()), WireMediaTypes.Json);
}
