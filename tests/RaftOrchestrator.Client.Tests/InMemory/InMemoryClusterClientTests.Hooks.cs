using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Watching;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

public sealed partial class InMemoryClusterClientTests
{
    [Fact]
    public async Task FailNext_FailsOnlyTheNextCallsOfThatVerbAndKind()
    {
        _client.FailNext(InMemoryVerb.Create, InMemoryStatus.ServiceUnavailable(), count: 2, resource: "pods");

        ApiResult<ConfigMap> map = await _client.Resource<ConfigMap>().CreateAsync(TestObjects.ConfigMap("default", "m"), cancellationToken: Ct);
        ApiResult<Pod> first = await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        ApiResult<Pod> second = await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        ApiResult<Pod> third = await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);

        Assert.True(map.IsOk);
        Assert.Equal((503, 503, 200), (first.Code, second.Code, third.Code));
        Assert.True(first.IsTransient);
    }

    [Fact]
    public async Task FailWhile_FailsUntilDisposed()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        using (_client.FailWhile(call => call is { Verb: InMemoryVerb.Get, Name: "a" } ? InMemoryStatus.TooManyRequests() : null))
        {
            Assert.Equal(429, (await Pods.GetAsync("default", "a", Ct)).Code);
            Assert.Equal(429, (await Pods.GetAsync("default", "a", Ct)).Code);
        }
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsOk);
    }

    [Fact]
    public async Task FailNext_Watch_FailsTheWatchCall()
    {
        _client.FailNext(InMemoryVerb.Watch, InMemoryStatus.InternalError("boom"));
        Assert.Equal(500, (await Pods.WatchAsync(null, cancellationToken: Ct)).Code);
        Assert.True((await Pods.WatchAsync(null, cancellationToken: Ct)).IsOk);
    }

    [Fact]
    public async Task Actions_RecordWritesWithTheirOutcome_NotReads()
    {
        _client.FailNext(InMemoryVerb.Delete, InMemoryStatus.ServiceUnavailable());
        Pod pod = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();
        await Pods.GetAsync("default", "a", Ct);
        await Pods.ListAsync(null, cancellationToken: Ct);
        pod.Status.Phase = "Running";
        await Pods.UpdateStatusAsync(pod, cancellationToken: Ct);
        await Pods.DeleteAsync("default", "a", cancellationToken: Ct);
        await Pods.DeleteAsync("default", "a", cancellationToken: Ct);

        Assert.Equal(
            [
                new RecordedAction(InMemoryVerb.Create, "pods", "default", "a", null, 200),
                new RecordedAction(InMemoryVerb.UpdateStatus, "pods", "default", "a", "status", 200),
                new RecordedAction(InMemoryVerb.Delete, "pods", "default", "a", null, 503),
                new RecordedAction(InMemoryVerb.Delete, "pods", "default", "a", null, 200),
            ],
            _client.Actions);
        Assert.Single(_client.Writes(InMemoryVerb.Delete, "pods"));
        _client.ClearActions();
        Assert.Empty(_client.Actions);
    }

    [Fact]
    public async Task Actions_GeneratedNameIsRecorded()
    {
        Pod pod = TestObjects.Pod("default", "");
        pod.Metadata.Name = null;
        pod.Metadata.GenerateName = "web-";
        Pod created = (await Pods.CreateAsync(pod, cancellationToken: Ct)).Unwrap();
        Assert.Equal(created.Metadata.Name, Assert.Single(_client.Actions).Name);
    }

    [Fact]
    public async Task Dispose_EndsWatches_AndRefusesCalls()
    {
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, cancellationToken: Ct)).Unwrap();
        await _client.DisposeAsync();
        Assert.Null(await NextAsync(watch));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Pods.GetAsync("default", "a", Ct));
    }

    [Fact]
    public void Uids_AreDeterministicForASeed()
    {
        static string FirstUid() => new InMemoryClusterClient(options: new InMemoryClusterOptions { Seed = 7 }).Seed(TestObjects.Pod("default", "a")).Metadata.Uid!;
        Assert.Equal(FirstUid(), FirstUid());
    }
}
