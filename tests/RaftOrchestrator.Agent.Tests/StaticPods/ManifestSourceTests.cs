using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.StaticPods;

public sealed class ManifestSourceTests
{
    private const string Node = "node-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string PodYaml(string name, string command = "sleep 3600") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          containers: [{name: main, image: busybox, command: [sh, -c, "{{command}}"]}]
        """;

    private static string[] Names(IReadOnlyList<Pod>? pods) => [.. (pods ?? []).Select(p => p.Metadata.Name!)];

    [Fact]
    public async Task Directory_EveryVisibleRegularFile_InNameOrder_BadOnesSkipped()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("b.yaml"), PodYaml("b"), Ct);
        await File.WriteAllTextAsync(dir.Combine("a.json"), """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}""", Ct);
        await File.WriteAllTextAsync(dir.Combine("c.manifest"), PodYaml("c"), Ct);
        await File.WriteAllTextAsync(dir.Combine(".hidden.yaml"), PodYaml("hidden"), Ct);
        await File.WriteAllTextAsync(dir.Combine("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: []}\n", Ct);
        Directory.CreateDirectory(dir.Combine("sub"));
        await File.WriteAllTextAsync(dir.Combine("sub", "d.yaml"), PodYaml("d"), Ct);
        var source = new ManifestDirectory(dir.Path, Node, NullLogger.Instance);

        IReadOnlyList<Pod>? pods = await source.ReadAsync(relist: true, Ct);

        Assert.Equal(["a-node-1", "b-node-1", "c-node-1"], Names(pods));
    }

    [Fact]
    public async Task Directory_MissingPathHoldsNoPods_SingleFilePathIsOnePod()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("web.yaml"), PodYaml("web"), Ct);

        Assert.Empty((await new ManifestDirectory(dir.Combine("absent"), Node, NullLogger.Instance).ReadAsync(true, Ct))!);
        Assert.Equal(["web-node-1"], Names(await new ManifestDirectory(dir.Combine("web.yaml"), Node, NullLogger.Instance).ReadAsync(true, Ct)));
    }

    [Fact]
    public async Task Directory_FileTurnedBad_KeptOnAChangeRead_DroppedOnRelist()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("web.yaml"), PodYaml("web"), Ct);
        await File.WriteAllTextAsync(dir.Combine("db.yaml"), PodYaml("db"), Ct);
        var source = new ManifestDirectory(dir.Path, Node, NullLogger.Instance);
        IReadOnlyList<Pod>? first = await source.ReadAsync(relist: true, Ct);

        await File.WriteAllTextAsync(dir.Combine("web.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: web", Ct); // half written
        IReadOnlyList<Pod>? onChange = await source.ReadAsync(relist: false, Ct);
        IReadOnlyList<Pod>? onRelist = await source.ReadAsync(relist: true, Ct);

        Assert.Equal(["db-node-1", "web-node-1"], Names(first));
        Assert.Equal(["db-node-1", "web-node-1"], Names(onChange));
        Assert.Equal(first![1].Metadata.Uid, onChange![1].Metadata.Uid);
        Assert.Equal(["db-node-1"], Names(onRelist));
    }

    [Fact]
    public async Task Url_PodOrPodList_FailuresKeepThePodsGivenLast_EmptyBodyIsNone_UnchangedIsNothingNew()
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var source = new ManifestUrl(new Uri("http://127.0.0.1:9/pods"), Node, http, NullLogger.Instance);

        handler.Next(HttpStatusCode.OK, PodYaml("web"));
        Assert.Equal(["web-node-1"], Names(await source.ReadAsync(true, Ct)));
        handler.Next(HttpStatusCode.OK, PodYaml("web"));
        Assert.Null(await source.ReadAsync(true, Ct));
        handler.Next(HttpStatusCode.InternalServerError, "boom");
        Assert.Null(await source.ReadAsync(true, Ct));
        handler.Next(HttpStatusCode.OK, "not: [a pod");
        Assert.Null(await source.ReadAsync(true, Ct));
        handler.Fail(new HttpRequestException("connection refused"));
        Assert.Null(await source.ReadAsync(true, Ct));
        handler.Next(HttpStatusCode.OK, "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n  spec: {containers: [{name: main, image: busybox}]}\n- metadata: {name: b}\n  spec: {containers: [{name: main, image: busybox}]}\n");
        Assert.Equal(["a-node-1", "b-node-1"], Names(await source.ReadAsync(true, Ct)));
        handler.Next(HttpStatusCode.OK, "");
        Assert.Empty((await source.ReadAsync(true, Ct))!);
        Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Get, "http://127.0.0.1:9/pods"), (r.Method, r.RequestUri!.ToString())));
    }

    [Fact]
    public async Task Poller_ReadsAtOnceThenEveryPeriodOnTheClock()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(TestClock.Start);
        var published = new ConcurrentQueue<string[]>();
        var poller = new ManifestPoller(new ManifestDirectory(dir.Path, Node, NullLogger.Instance), TimeSpan.FromSeconds(20), time, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        Task run = poller.RunAsync((source, pods) =>
        {
            Assert.Equal("file", source);
            published.Enqueue(Names(pods));
        }, stop.Token);
        await EventuallyAsync(() => published.Count == 1, "the first read at once");

        await File.WriteAllTextAsync(dir.Combine("web.yaml"), PodYaml("web"), Ct);
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(100, Ct);
        Assert.Single(published);
        time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => published.Count == 2, "a read after 20 s");
        File.Delete(dir.Combine("web.yaml"));
        time.Advance(TimeSpan.FromSeconds(20));
        await EventuallyAsync(() => published.Count == 3, "a read after 40 s");

        Assert.Equal([[], ["web-node-1"], []], published.ToArray());
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Poller_WatchedDirectory_ReadAsSoonAsAFileAppears()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(TestClock.Start);
        var published = new ConcurrentQueue<string[]>();
        var poller = new ManifestPoller(new ManifestDirectory(dir.Path, Node, NullLogger.Instance), TimeSpan.FromSeconds(20), time, NullLogger.Instance, dir.Path);
        using var stop = new CancellationTokenSource();
        Task run = poller.RunAsync((_, pods) => published.Enqueue(Names(pods)), stop.Token);
        await EventuallyAsync(() => published.Count == 1, "the first read at once");

        await File.WriteAllTextAsync(dir.Combine("web.yaml"), PodYaml("web"), Ct);

        await EventuallyAsync(() => published.LastOrDefault() is ["web-node-1"], "a read on the watcher's notice, the clock standing still");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    private static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"never: {because}");
            await Task.Delay(5, Ct);
        }
    }

    /// <summary>Answers each request with the response queued last (or throws the failure queued).</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private Func<HttpResponseMessage>? _next;

        public List<HttpRequestMessage> Requests { get; } = [];

        public void Next(HttpStatusCode code, string body) => _next = () => new HttpResponseMessage(code) { Content = new StringContent(body, Encoding.UTF8) };

        public void Fail(Exception e) => _next = () => throw e;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(_next!());
        }
    }
}
