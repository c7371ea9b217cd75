using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// The Kubernetes API calls of the benchmark against one replica: objects are sent and read as MessagePack
/// (application/vnd.raftorchestrator.msgpack); a Binding is sent as JSON (what pods/binding reads). Every call but
/// the watch is bounded by <see cref="s_callTimeout"/>; failures are values (<see cref="CallResult"/>), never exceptions.
/// </summary>
internal sealed class KubeCalls
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue s_messagePack = new(WireFormats.MessagePackMediaType);
    private static readonly MediaTypeHeaderValue s_json = new(WireFormats.JsonMediaType);
    private readonly HttpClient _http;

    // http is shared by every caller of the run: one pool, one request per connection at a time.
    public KubeCalls(HttpClient http, Uri apiUrl)
    {
        _http = http;
        BaseUrl = apiUrl;
    }

    public Uri BaseUrl { get; }

    public Task<CallResult> CreateNamespaceAsync(string name, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/v1/namespaces",
            ApiMessagePack.Serialize(new Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new ObjectMeta { Name = name } }), s_messagePack, ct);

    public Task<CallResult> CreateNodeAsync(Node node, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/v1/nodes", ApiMessagePack.Serialize(node), s_messagePack, ct);

    /// <summary>PUT nodes/{name}/status with the node as read back (its resourceVersion is the precondition).</summary>
    public Task<CallResult> PutNodeStatusAsync(Node node, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/nodes/{node.Metadata.Name}/status", ApiMessagePack.Serialize(node), s_messagePack, ct);

    public Task<CallResult> CreatePodAsync(string ns, byte[] body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", body, s_messagePack, ct);

    public Task<CallResult> BindAsync(string ns, string pod, string node, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods/{pod}/binding", JsonSerializer.SerializeToUtf8Bytes(new Binding
        {
            Metadata = new ObjectMeta { Name = pod, Namespace = ns },
            Target = new ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node },
        }, ApiJson.TypeInfo<Binding>()), s_json, ct);

    public async Task<(ObjectList<Pod>? List, string? Error)> ListPodsAsync(string? continueToken, int limit, CancellationToken ct)
    {
        string path = string.Create(CultureInfo.InvariantCulture, $"/api/v1/pods?limit={limit}")
            + (continueToken is null ? "" : "&continue=" + Uri.EscapeDataString(continueToken));
        CallResult reply = await SendAsync(HttpMethod.Get, path, null, null, ct);
        if (!reply.Ok)
        {
            return (null, reply.Error);
        }
        try
        {
            return (MessagePackSerializer.Deserialize<ObjectList<Pod>>(reply.Body, ApiMessagePack.Options, ct), null);
        }
        catch (MessagePackSerializationException e)
        {
            return (null, $"undecodable pod list: {e.Message}");
        }
    }

    /// <summary>Opens a watch (headers read, body streaming); the caller owns the response.</summary>
    public async Task<HttpResponseMessage> OpenWatchAsync(string pathAndQuery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(WireFormats.MessagePackMediaType));
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private async Task<CallResult> SendAsync(HttpMethod method, string path, byte[]? body, MediaTypeHeaderValue? contentType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(WireFormats.MessagePackMediaType));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = contentType;
        }
        HttpReply reply = await HttpReply.SendAsync(_http, request, s_callTimeout, ct);
        return reply.TransportError is { } transport ? new CallResult(0, transport, [])
            : reply.IsSuccess ? new CallResult(reply.Code, null, reply.Body)
            : new CallResult(reply.Code, $"{reply.Code} {Describe(reply)}", reply.Body);
    }

    /// <summary>A failure's Status message (MessagePack or JSON), else the body's start.</summary>
    private static string Describe(HttpReply reply)
    {
        if (reply.MediaType == WireFormats.MessagePackMediaType)
        {
            try
            {
                return MessagePackSerializer.Deserialize<Status>(reply.Body, ApiMessagePack.Options).Message ?? "";
            }
            catch (MessagePackSerializationException)
            {
                return "(undecodable Status)";
            }
        }
        return reply.Text();
    }
}
