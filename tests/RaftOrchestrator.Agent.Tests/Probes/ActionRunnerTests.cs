using System.Net;
using System.Net.Sockets;
using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Agent.Tests.Probes;

public sealed class ActionRunnerTests : IAsyncDisposable
{
    private readonly ScriptedRuntime _runtime = new(TimeProvider.System);
    private readonly StubHandler _handler = new();
    private readonly HttpClient _http;

    public ActionRunnerTests() => _http = new HttpClient(_handler);

    private ActionRunner Runner => new(_runtime, _http, TimeProvider.System);

    private static ProbeTarget Target(Container? container = null) =>
        new("c1", container ?? new Container { Name = "main", Ports = [new ContainerPort { Name = "http", Port = 8080 }] }, "127.0.0.1");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _handler.Dispose();
        await _runtime.DisposeAsync();
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(302, true)]
    [InlineData(399, true)]
    [InlineData(400, false)]
    [InlineData(500, false)]
    public async Task HttpGet_StatusCode_SuccessFrom200To399(int code, bool success)
    {
        _handler.Answer = (HttpStatusCode)code;

        ProbeResult result = await Runner.HttpGetAsync(new HTTPGetAction { Path = "healthz", Port = IntOrString.FromString("http") }, Target(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(success, result.Success);
        Assert.Equal(success ? "" : $"HTTP probe failed with statuscode: {code}", result.Message);
        Assert.Equal("http://127.0.0.1:8080/healthz", _handler.Last!.RequestUri!.ToString());
        Assert.Equal("kube-probe/1.32", _handler.Last.Headers.UserAgent.ToString());
    }

    [Fact]
    public async Task HttpGet_HostAndHeaders_Sent()
    {
        var action = new HTTPGetAction { Host = "10.1.2.3", Port = 9000, Scheme = "HTTPS", HttpHeaders = [new HTTPHeader { Name = "Host", Value = "app.example" }, new HTTPHeader { Name = "X-Probe", Value = "1" }] };

        ProbeResult result = await Runner.HttpGetAsync(action, Target(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.True(result.Success);
        Assert.Equal("https://10.1.2.3:9000/", _handler.Last!.RequestUri!.ToString());
        Assert.Equal("app.example", _handler.Last.Headers.Host);
        Assert.Equal("1", _handler.Last.Headers.GetValues("X-Probe").Single());
    }

    [Fact]
    public async Task HttpGet_UnknownNamedPort_Fails()
    {
        ProbeResult result = await Runner.HttpGetAsync(new HTTPGetAction { Port = IntOrString.FromString("admin") }, Target(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(ProbeResult.Fail("couldn't find port: admin in main"), result);
        Assert.Null(_handler.Last);
    }

    [Fact]
    public async Task Tcp_ListeningAndClosedPorts()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int open = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var again = new TcpListener(IPAddress.Loopback, open);
        again.Start();

        ProbeResult up = await Runner.TcpAsync(new TCPSocketAction { Port = open }, Target(), TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        again.Stop();
        ProbeResult down = await Runner.TcpAsync(new TCPSocketAction { Port = open }, Target(), TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.True(up.Success, up.Message);
        Assert.False(down.Success);
        Assert.StartsWith($"dial tcp 127.0.0.1:{open}: connect:", down.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_ExitCodeAndTimeout()
    {
        _runtime.OnExec = (_, command) => command[0] switch
        {
            "ok" => RuntimeResult<ExecResult>.Ok(new ExecResult(0, [], [])),
            "slow" => RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.DeadlineExceeded, "timed out"),
            _ => RuntimeResult<ExecResult>.Ok(new ExecResult(2, "out "u8.ToArray(), "err\n"u8.ToArray())),
        };
        CancellationToken ct = TestContext.Current.CancellationToken;
        string sandbox = (await _runtime.RunPodSandboxAsync(new PodSandboxConfig("ns", "p", "u", 0, "p", "/tmp", new Dictionary<string, string>(), new Dictionary<string, string>()), ct)).Value!;
        string id = (await _runtime.CreateContainerAsync(sandbox, new ContainerConfig("main", 0, "img", ["sleep"], [], [], null, "main/0.log", new Dictionary<string, string>()), ct)).Value!;
        ProbeTarget target = Target() with { ContainerId = id };

        Assert.True((await Runner.ExecAsync(new ExecAction { Command = ["ok"] }, target, TimeSpan.FromSeconds(1), ct)).Success);
        Assert.Equal("command \"slow x\" timed out", (await Runner.ExecAsync(new ExecAction { Command = ["slow", "x"] }, target, TimeSpan.FromSeconds(1), ct)).Message);
        Assert.Equal("out err", (await Runner.ExecAsync(new ExecAction { Command = ["bad"] }, target, TimeSpan.FromSeconds(1), ct)).Message);
        Assert.Equal("no such container", (await Runner.ExecAsync(new ExecAction { Command = ["ok"] }, Target(), TimeSpan.FromSeconds(1), ct)).Message);
    }

    [Fact]
    public async Task Probe_Grpc_NotSupported()
    {
        ProbeResult result = await Runner.ProbeAsync(new Probe { Grpc = new GRPCAction { Port = 9000 } }, Target(), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(ProbeResult.Fail("gRPC probes are not supported by this agent"), result);
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(Answer));
        }
    }
}
