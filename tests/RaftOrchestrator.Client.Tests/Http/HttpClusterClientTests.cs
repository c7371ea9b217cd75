using System.Net;
using System.Text;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Http;

namespace RaftOrchestrator.Client.Tests.Http;

/// <summary>
/// The HTTP client against a scripted handler: which server a call goes to and when it moves on, how failures
/// become results, and the requests it sends (paths, query, headers, media types).
/// </summary>
public sealed class HttpClusterClientTests
{
    private static readonly Uri s_a = new("http://a.test:6443");
    private static readonly Uri s_b = new("http://b.test:6443/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_503FromTheFirstServer_TriesTheNext_AndStaysThere()
    {
        var handler = new StubHandler(r => r.RequestUri!.Host == "a.test"
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"kind":"Status","code":503,"reason":"ServiceUnavailable","message":"shutting down"}""")
            : StubHandler.MessagePackMap("m"));
        await using var client = Client(handler, s_a, s_b);

        ApiResult<ConfigMap> first = await client.Resource<ConfigMap>().GetAsync("ns", "m", Ct);
        ApiResult<ConfigMap> second = await client.Resource<ConfigMap>().GetAsync("ns", "m", Ct);

        Assert.True(first.IsOk, first.ToString());
        Assert.True(second.IsOk, second.ToString());
        Assert.Equal(["a.test", "b.test", "b.test"], handler.Requests.Select(r => r.Request.RequestUri!.Host));
    }

    [Fact]
    public async Task Get_503FromEveryServer_IsTheLastServersStatus()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"kind":"Status","code":503,"reason":"ServiceUnavailable","message":"no leader"}"""));
        await using var client = Client(handler, s_a, s_b);

        ApiResult<ConfigMap> read = await client.Resource<ConfigMap>().GetAsync("ns", "m", Ct);

        Assert.Equal((503, "no leader"), (read.Code, read.Error!.Message));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Create_ConnectionRefused_TriesTheNext_ButABrokenReplyIsNotRetried()
    {
        int calls = 0;
        var refused = new StubHandler(r => r.RequestUri!.Host == "a.test"
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")
            : StubHandler.MessagePackMap("m"));
        var broken = new StubHandler(_ => ++calls == 1 ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "ended") : StubHandler.MessagePackMap("m"));
        await using var refusedClient = Client(refused, s_a, s_b);
        await using var brokenClient = Client(broken, s_a, s_b);

        ApiResult<ConfigMap> created = await refusedClient.Resource<ConfigMap>().CreateAsync(Map("m"), cancellationToken: Ct);
        ApiResult<ConfigMap> notRetried = await brokenClient.Resource<ConfigMap>().CreateAsync(Map("m"), cancellationToken: Ct);
        ApiResult<ConfigMap> readRetried = await brokenClient.Resource<ConfigMap>().GetAsync("ns", "m", Ct);

        Assert.True(created.IsOk, created.ToString());
        Assert.Equal(503, notRetried.Code);
        Assert.True(readRetried.IsOk, readRetried.ToString());
        Assert.Equal(2, broken.Requests.Count);
    }

    [Fact]
    public async Task Failure_WithoutAStatusBody_IsWordedFromTheCode()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream broke") });
        await using var client = Client(handler, s_a);

        ApiResult<ConfigMap> read = await client.Resource<ConfigMap>().GetAsync("ns", "m", Ct);

        Assert.Equal((502, "Unknown", "upstream broke"), (read.Code, read.Reason, read.Error!.Message));
    }

    [Fact]
    public async Task Requests_CarryPathsQueriesHeadersAndMediaTypes()
    {
        var handler = new StubHandler(_ => StubHandler.MessagePackMap("m"));
        await using var client = new HttpClusterClient(new ClusterClientOptions
        {
            Servers = [s_b],
            BearerToken = "secret",
            UserAgent = "rorch-controller-manager/1.2",
        }, handler);

        await client.Resource<Deployment>().ListAsync(null, new ListRequest { LabelSelector = "app in (a,b)", Limit = 5 }, Ct);
        await client.Resource<Node>().GetAsync("ignored", "node/1", Ct);
        await client.Resource<ConfigMap>().CreateAsync(Map("m"), new WriteRequest { DryRun = true }, Ct);
        await client.Resource<ConfigMap>().PatchAsync("ns", "m", new Patch(PatchType.Apply, Encoding.UTF8.GetBytes("data: {}")), new WriteRequest { Force = true }, Ct);
        await client.Resource<Pod>().PatchAsync("ns", "p", new Patch(PatchType.StrategicMerge, Encoding.UTF8.GetBytes("{}"), "status"), cancellationToken: Ct);
        await client.Resource<Pod>().WatchAsync("ns", new WatchRequest { ResourceVersion = "9", Timeout = TimeSpan.FromSeconds(2.5) }, Ct);

        Assert.Equal([
            "GET /apis/apps/v1/deployments?labelSelector=app%20in%20%28a%2Cb%29&limit=5",
            "GET /api/v1/nodes/node%2F1",
            "POST /api/v1/namespaces/ns/configmaps?dryRun=All",
            "PATCH /api/v1/namespaces/ns/configmaps/m?fieldManager=rorch-controller-manager&force=true",
            "PATCH /api/v1/namespaces/ns/pods/p/status",
            "GET /api/v1/namespaces/ns/pods?watch=true&resourceVersion=9&allowWatchBookmarks=true&timeoutSeconds=3",
        ], handler.Requests.Select(r => $"{r.Request.Method} {r.Request.RequestUri!.PathAndQuery}"));
        HttpRequestMessage create = handler.Requests[2].Request;
        Assert.Equal("Bearer secret", create.Headers.Authorization?.ToString());
        Assert.Equal("rorch-controller-manager/1.2", create.Headers.UserAgent.ToString());
        Assert.StartsWith("application/vnd.raftorchestrator.msgpack", create.Headers.Accept.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.raftorchestrator.msgpack", create.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("application/apply-patch+yaml", handler.Requests[3].Request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("application/strategic-merge-patch+json", handler.Requests[4].Request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Json_SendsAndAcceptsJson_AndDecodesJsonReplies()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m","resourceVersion":"3"},"data":{"k":"v"}}"""));
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = [s_a], Format = WireFormat.Json }, handler);

        ApiResult<ConfigMap> created = await client.Resource<ConfigMap>().CreateAsync(Map("m"), cancellationToken: Ct);

        Assert.True(created.IsOk, created.ToString());
        Assert.Equal(("3", "v"), (created.Value.Metadata.ResourceVersion, created.Value.Data!["k"]));
        Assert.Equal("application/json", handler.Requests[0].Request.Headers.Accept.ToString());
        Assert.Equal("application/json", handler.Requests[0].Request.Content!.Headers.ContentType!.MediaType);
        Assert.StartsWith("{", Encoding.UTF8.GetString(handler.Requests[0].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_AfterDispose_Throws()
    {
        var client = Client(new StubHandler(_ => StubHandler.MessagePackMap("m")), s_a);
        await client.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => client.Resource<ConfigMap>());
    }

    private static HttpClusterClient Client(StubHandler handler, params Uri[] servers) =>
        new(new ClusterClientOptions { Servers = servers }, handler);

    private static ConfigMap Map(string name) => new() { Metadata = new ObjectMeta { Namespace = "ns", Name = name } };
}
