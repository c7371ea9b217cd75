using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// Hostile requests against a real single-replica server over raw HTTP: every reply is a non-5xx, every error a
/// Status whose code is the HTTP status, the server still answers /readyz afterwards, and a rejected write leaves
/// the existing objects exactly as they were. Properties are bounded (200 cases unless the case is heavy).
/// </summary>
public sealed partial class MalformedRequestTests(ApiOnlyKubeFixture fixture) : IClassFixture<ApiOnlyKubeFixture>, IAsyncLifetime, IDisposable
{
    private const string ConfigMaps = "/api/v1/namespaces/fuzz/configmaps";
    private const string Deployments = "/apis/apps/v1/namespaces/fuzz/deployments";
    private const int BodyLimit = 3 * 1024 * 1024;

    private static readonly string[] s_kinds =
    [
        ConfigMaps, Deployments, "/api/v1/namespaces/fuzz/pods", "/api/v1/namespaces/fuzz/services",
        "/api/v1/namespaces/fuzz/secrets", "/apis/apps/v1/namespaces/fuzz/replicasets", "/api/v1/namespaces",
    ];

    private static int s_serial;

    private readonly RawApi _api = new(fixture.Target.ApiUrl);

    private static string ValidConfigMap(string name) =>
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"@","labels":{"app":"fuzz"}},"data":{"a":"1","b":"2"}}""".Replace("@", name, StringComparison.Ordinal);

    private static string ValidDeployment(string name) =>
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"@"},"spec":{"replicas":2,
         "selector":{"matchLabels":{"app":"fuzz"}},"template":{"metadata":{"labels":{"app":"fuzz"}},
         "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"}]}]}}}}
        """.Replace("@", name, StringComparison.Ordinal);

    private static string NextName(string prefix) => $"{prefix}-{Interlocked.Increment(ref s_serial)}";

    public async ValueTask InitializeAsync()
    {
        await _api.SendAsync("POST", "/api/v1/namespaces", "application/json", """{"metadata":{"name":"fuzz"}}""");
        RawReply map = await _api.SendAsync("POST", ConfigMaps, "application/json", ValidConfigMap("target"));
        RawReply deployment = await _api.SendAsync("POST", Deployments, "application/json", ValidDeployment("target"));
        Assert.True(map.Code is 201 or 409, map.Text);
        Assert.True(deployment.Code is 201 or 409, deployment.Text);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task RandomBytes_PostedInAnyFormat_AreAnsweredWithStatusNot5xx()
    {
        Gen<(byte[] Body, string? Type)> cases = Gen.Zip(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            Gen.OneOf(Gen.Elements<string?>("application/json", "application/yaml", "application/vnd.raftorchestrator.msgpack", "application/vnd.kubernetes.protobuf"), MalformedInputs.ContentType));

        await CheckAsync(200, cases, async c =>
            (await _api.SendAsync("POST", ConfigMaps, c.Type, c.Body)).AssertWellFormed());
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task RandomJson_PostedToEveryKind_IsAnsweredWithStatusNot5xx()
    {
        Gen<(string Path, string Body)> cases = Gen.Zip(Gen.Elements(s_kinds), Gen.OneOf(MalformedInputs.Json(3), MalformedInputs.JsonObject(4)));

        await CheckAsync(200, cases, async c =>
            (await _api.SendAsync("POST", c.Path, "application/json", c.Body)).AssertWellFormed());
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task TruncatedJson_Posted_IsBadRequest()
    {
        Gen<(string Path, string Body, int Cut)> cases =
            from kind in Gen.Elements((ConfigMaps, ValidConfigMap("truncated")), (Deployments, ValidDeployment("truncated")))
            from cut in Gen.Choose(0, kind.Item2.TrimEnd().Length - 1)
            select (kind.Item1, kind.Item2.TrimEnd(), cut);

        await CheckAsync(200, cases, async c =>
            (await _api.SendAsync("POST", c.Path, "application/json", c.Body[..c.Cut])).AssertRejected(400));
        await AssertTargetsIntactAsync();
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(100_000)]
    public async Task DeeplyNested_InEveryFormatAndPatchType_IsRefusedNot5xx(int depth)
    {
        string arrays = new string('[', depth) + new string(']', depth);
        var objects = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            objects.Append("{\"a\":");
        }
        objects.Append('1').Append('}', depth);
        byte[] messagePack = [0x93, 0xa2, (byte)'v', (byte)'1', 0xa9, .. "ConfigMap"u8, .. Enumerable.Repeat((byte)0x91, depth), 0xc0];
        var blockYaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: target\ndata:\n");
        for (int i = 0; i < Math.Min(depth, 2000); i++)   // indented: the body grows as the square of the depth
        {
            blockYaml.Append(' ', i + 2).Append("a:\n");
        }

        (string Method, string Path, string Type, byte[] Body)[] requests =
        [
            ("POST", ConfigMaps, "application/json", Utf8("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":{"a":""" + arrays + "}}")),
            ("POST", ConfigMaps, "application/json", Utf8("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep","labels":""" + objects + "}}")),
            ("POST", ConfigMaps, "application/json", Utf8(arrays)),
            ("POST", ConfigMaps, "application/yaml", Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {a: " + arrays + "}\n")),
            ("POST", ConfigMaps, "application/yaml", Utf8(blockYaml.ToString())),
            ("POST", ConfigMaps, "application/vnd.raftorchestrator.msgpack", messagePack),
            ("PUT", ConfigMaps + "/target", "application/json", Utf8("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"target"},"data":""" + objects + "}")),
            ("PATCH", ConfigMaps + "/target", "application/merge-patch+json", Utf8("""{"data":""" + objects + "}")),
            ("PATCH", ConfigMaps + "/target", "application/strategic-merge-patch+json", Utf8("""{"metadata":{"labels":""" + objects + "}}")),
            ("PATCH", ConfigMaps + "/target", "application/json-patch+json", Utf8("""[{"op":"add","path":"/data/x","value":""" + arrays + "}]")),
            ("PATCH", Deployments + "/target", "application/strategic-merge-patch+json", Utf8("""{"spec":{"template":{"spec":{"containers":[{"name":"web","x":""" + objects + "}]}}}}")),
            ("PATCH", ConfigMaps + "/target?fieldManager=fuzz", "application/apply-patch+yaml", Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: target}\ndata: {a: " + arrays + "}\n")),
            ("PATCH", ConfigMaps + "/target?fieldManager=fuzz", "application/apply-patch+yaml", Utf8(blockYaml.ToString())),
        ];

        foreach ((string method, string path, string type, byte[] body) in requests)
        {
            Assert.True(body.Length < BodyLimit, $"{method} {path} [{type}]: the body is over the limit");
            (await _api.SendAsync(method, path, type, body)).AssertRejected(400, 415, 422);
        }
        await AssertTargetsIntactAsync();
    }

    /// <summary>Runs a property on the thread pool (FsCheck waits on each case's task) and throws on its failure.</summary>
    private static Task CheckAsync<T>(int maxTest, Gen<T> cases, Func<T, Task> property) =>
        Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(cases.ToArbitrary(), property)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<JsonNode> ReadAsync(string path)
    {
        RawReply reply = await _api.SendAsync("GET", path);
        Assert.True(reply.Code == 200, $"GET {path} -> {reply.Code}: {reply.Text}");
        return JsonNode.Parse(reply.Body)!;
    }

    /// <summary>The two targets exist with their original content and the server is ready.</summary>
    private async Task AssertTargetsIntactAsync()
    {
        await _api.AssertReadyAsync();
        JsonNode map = await ReadAsync(ConfigMaps + "/target");
        JsonNode deployment = await ReadAsync(Deployments + "/target");
        Assert.True(JsonNode.DeepEquals(map["data"], JsonNode.Parse("""{"a":"1","b":"2"}""")), map.ToJsonString());
        Assert.Equal(2, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal("nginx:1.27", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    /// <summary>A write that was rejected changed nothing: the object reads back exactly as before it.</summary>
    private async Task WriteOrNothingAsync(string path, Func<Task<RawReply>> write)
    {
        JsonNode before = await ReadAsync(path);
        RawReply reply = (await write()).AssertWellFormed();
        JsonNode after = await ReadAsync(path);
        if (reply.Code >= 300)
        {
            Assert.True(JsonNode.DeepEquals(before, after), $"{reply.Request} -> {reply.Code} but the object changed:\n{before.ToJsonString()}\n{after.ToJsonString()}");
        }
        else
        {
            Assert.Equal((string?)before["metadata"]!["uid"], (string?)after["metadata"]!["uid"]);
        }
    }
}
