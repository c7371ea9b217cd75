using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// ConfigMap calls against one replica's Kubernetes API in one wire format. Replies are read whole and decoded
/// into the model types, as a client would use them, so the figures include the client's decoding. A reply that
/// is not 2xx, or a transport failure, is a <see cref="Reply{T}"/> error, never an exception.
/// </summary>
internal sealed class ApiClient
{
    /// <summary>Bounds every call but watches (which open through <see cref="SendAsync"/>).</summary>
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly MediaTypeHeaderValue _contentType;
    private readonly MediaTypeWithQualityHeaderValue _accept;

    // http is shared by every client of the run: one connection pool, at most one request per connection at a time.
    public ApiClient(HttpClient http, Uri apiUrl, WireFormat format)
    {
        _http = http;
        Format = format;
        BaseUrl = apiUrl;
        _contentType = new MediaTypeHeaderValue(format.MediaType());
        _accept = new MediaTypeWithQualityHeaderValue(format.MediaType());
    }

    public WireFormat Format { get; }

    public Uri BaseUrl { get; }

    /// <summary>A request to this replica that asks for this client's format.</summary>
    public HttpRequestMessage NewRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.Accept.Add(_accept);
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct) =>
        _http.SendAsync(request, completion, ct);

    public static string CollectionPath(string ns) => $"/api/v1/namespaces/{ns}/configmaps";

    public Task<Reply<ConfigMap>> CreateAsync(string ns, ConfigMap value, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, CollectionPath(ns), value, ApiJson.TypeInfo<ConfigMap>(), ct);

    public Task<Reply<ConfigMap>> UpdateAsync(string ns, ConfigMap value, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"{CollectionPath(ns)}/{value.Metadata.Name}", value, ApiJson.TypeInfo<ConfigMap>(), ct);

    public Task<Reply<ConfigMap>> GetAsync(string ns, string name, CancellationToken ct) =>
        SendAsync<ConfigMap>(HttpMethod.Get, $"{CollectionPath(ns)}/{name}", null, ApiJson.TypeInfo<ConfigMap>(), ct);

    public Task<Reply<ObjectList<ConfigMap>>> ListAsync(string ns, CancellationToken ct) =>
        SendAsync<ObjectList<ConfigMap>>(HttpMethod.Get, CollectionPath(ns), null, ApiJson.TypeInfo<ObjectList<ConfigMap>>(), ct);

    private async Task<Reply<T>> SendAsync<T>(HttpMethod method, string path, ConfigMap? body, JsonTypeInfo<T> typeInfo, CancellationToken ct)
        where T : class
    {
        using HttpRequestMessage request = NewRequest(method, path);
        if (body is not null)
        {
            byte[] bytes = Format == WireFormat.MessagePack
                ? ApiMessagePack.Serialize(body)
                : JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.TypeInfo<ConfigMap>());
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = _contentType;
        }
        HttpReply reply = await HttpReply.SendAsync(_http, request, s_callTimeout, ct);
        if (reply.TransportError is { } transport)
        {
            return Reply<T>.Failure(transport);
        }
        if (!reply.IsSuccess)
        {
            return Reply<T>.Failure($"{reply.Code} {reply.Text()}");
        }
        try
        {
            T? value = Format == WireFormat.MessagePack
                ? MessagePackSerializer.Deserialize<T>(reply.Body, ApiMessagePack.Options, ct)
                : JsonSerializer.Deserialize(reply.Body, typeInfo);
            return value is null ? Reply<T>.Failure("empty reply") : Reply<T>.Success(value);
        }
        catch (Exception e) when (e is JsonException or MessagePackSerializationException)
        {
            return Reply<T>.Failure($"undecodable reply: {e.Message}");
        }
    }
}
