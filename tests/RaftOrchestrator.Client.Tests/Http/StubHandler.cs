using System.Net;
using System.Net.Http.Headers;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client.Tests.Http;

/// <summary>A scripted server: each request is recorded (with its body) and answered by <c>answer</c>, which may throw.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

    public static HttpResponseMessage MessagePackMap(string name)
    {
        var content = new ByteArrayContent(ApiMessagePack.Serialize(new ConfigMap { Metadata = new() { Name = name, ResourceVersion = "7" } }));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.raftorchestrator.msgpack");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static HttpResponseMessage Json(HttpStatusCode code, string json)
    {
        var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(code) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add((request, body));
        return answer(request);
    }
}
