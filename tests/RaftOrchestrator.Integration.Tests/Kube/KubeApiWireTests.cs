using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>Wire details clients rely on, over plain HTTP: watch from a compacted version, bookmarks, the MessagePack watch stream.</summary>
public sealed class KubeApiWireTests(SingleReplicaKubeFixture fixture) : IClassFixture<SingleReplicaKubeFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => new() { BaseAddress = new Uri(fixture.Target.ApiUrl), Timeout = s_timeout };

    private static StringContent ConfigMap(string name, string value) =>
        new("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":""" + $"\"{name}\"" + """},"data":{"v":""" + $"\"{value}\"" + "}}", Encoding.UTF8, "application/json");

    private static async Task<long> CreateAsync(HttpClient http, string name, string value)
    {
        using HttpResponseMessage created = await http.PostAsync("/api/v1/namespaces/default/configmaps", ConfigMap(name, value), Ct);
        Assert.Equal(201, (int)created.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        return long.Parse(body.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Watch_FromCompactedVersion_SendsExpiredErrorEvent()
    {
        using HttpClient http = Client();
        long first = await CreateAsync(http, "compact-a", "1");
        long second = await CreateAsync(http, "compact-b", "2");
        await Etcdctl.OkAsync(fixture.Target.Endpoint, "compact", second.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={first - 1}");
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        string? line = await reader.ReadLineAsync(Ct).AsTask().WaitAsync(s_timeout, Ct);

        Assert.Equal(200, (int)response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(line!);
        Assert.Equal("ERROR", error.RootElement.GetProperty("type").GetString());
        Assert.Equal(410, error.RootElement.GetProperty("object").GetProperty("code").GetInt32());
        Assert.Equal("Expired", error.RootElement.GetProperty("object").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Watch_InitialEventsWithBookmark_ThenLaterChange()
    {
        using HttpClient http = Client();
        await CreateAsync(http, "initial-x", "1");

        using var request = new HttpRequestMessage(HttpMethod.Get,
            "/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dinitial-x&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        string added = (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(s_timeout, Ct))!;
        string bookmark = (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(s_timeout, Ct))!;
        using HttpResponseMessage patched = await http.PatchAsync("/api/v1/namespaces/default/configmaps/initial-x",
            new StringContent("""{"data":{"v":"2"}}""", new MediaTypeHeaderValue("application/merge-patch+json")), Ct);
        string modified = (await reader.ReadLineAsync(Ct).AsTask().WaitAsync(s_timeout, Ct))!;

        Assert.StartsWith("""{"type":"ADDED","object":{"apiVersion":"v1","kind":"ConfigMap""", added, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"BOOKMARK\"", bookmark, StringComparison.Ordinal);
        Assert.Contains("k8s.io/initial-events-end", bookmark, StringComparison.Ordinal);
        Assert.Equal(200, (int)patched.StatusCode);
        Assert.Contains("\"type\":\"MODIFIED\"", modified, StringComparison.Ordinal);
        Assert.Contains("\"v\":\"2\"", modified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagePackWatch_FramesCarryTheStoredObjectAndItsVersion()
    {
        using HttpClient http = Client();
        long before = await CreateAsync(http, "frames-0", "0");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={before}");
        request.Headers.Accept.ParseAdd("application/vnd.raftorchestrator.msgpack");
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Stream stream = await response.Content.ReadAsStreamAsync(Ct);
        long created = await CreateAsync(http, "frames-1", "one");

        byte[] length = new byte[4];
        await stream.ReadExactlyAsync(length, Ct).AsTask().WaitAsync(s_timeout, Ct);
        byte[] frame = new byte[BinaryPrimitives.ReadInt32BigEndian(length)];
        await stream.ReadExactlyAsync(frame, Ct).AsTask().WaitAsync(s_timeout, Ct);
        var reader = new MessagePackReader(frame);
        int fields = reader.ReadArrayHeader();
        string? type = reader.ReadString();
        long revision = reader.ReadInt64();
        var map = RaftOrchestrator.Api.Serialization.ApiMessagePack.Deserialize<RaftOrchestrator.Api.Core.ConfigMap>(frame.AsMemory((int)reader.Consumed));

        Assert.Equal("application/vnd.raftorchestrator.msgpack", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, fields);
        Assert.Equal("ADDED", type);
        Assert.Equal(created, revision);
        Assert.Equal("frames-1", map.Metadata.Name);
        Assert.Equal("one", map.Data!["v"]);
        Assert.Null(map.Metadata.ResourceVersion);
    }
}
