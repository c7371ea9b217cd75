using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Informers;

public sealed class SharedInformerFactoryTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly InMemoryClusterClient _client;
    private readonly SharedInformerFactory _factory;
    private readonly CancellationTokenSource _stop = new();

    public SharedInformerFactoryTests()
    {
        _client = new InMemoryClusterClient(_time);
        _factory = new SharedInformerFactory(_client, _time, NullLoggerFactory.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _factory.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        _stop.Dispose();
        await _client.DisposeAsync();
    }

    [Fact]
    public void For_TheSameKind_IsTheSameInformer()
    {
        Assert.Same(_factory.For<Pod>(), _factory.For<Pod>());
        Assert.NotSame((object)_factory.For<Pod>(), _factory.For<ConfigMap>());
    }

    [Fact]
    public async Task Start_ThenWaitForCacheSync_SyncsEveryInformer_AndLaterOnesStartAtOnce()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        _client.Seed(TestObjects.Node("n1"));
        IInformer<Pod> pods = _factory.For<Pod>();
        _factory.Start(_stop.Token);
        Assert.True(await WaitAsync());
        Assert.True(pods.HasSynced);
        Assert.NotNull(pods.Lister.Get("default", "a"));

        IInformer<Node> nodes = _factory.For<Node>();
        Assert.True(await WaitAsync());
        Assert.True(nodes.HasSynced);
        Assert.NotNull(nodes.Lister.Get(null, "n1"));
    }

    [Fact]
    public async Task WaitForCacheSync_Cancelled_IsFalse()
    {
        using IDisposable outage = _client.FailWhile(call => call.Verb == InMemoryVerb.List ? InMemoryStatus.ServiceUnavailable() : null);
        _factory.For<Pod>();
        _factory.Start(_stop.Token);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.False(await _factory.WaitForCacheSyncAsync(soon.Token));
    }

    private async Task<bool> WaitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _factory.WaitForCacheSyncAsync(timeout.Token);
    }
}
