using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Informers;

/// <summary>Informers against the in-memory client. Partial files: the reflector's cases, the cache and handlers.</summary>
public sealed partial class InformerTests : IAsyncDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly InMemoryClusterClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _runs = [];

    public InformerTests() => _client = new InMemoryClusterClient(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(s_wait, Ct);
        _stop.Dispose();
        await _client.DisposeAsync();
    }

    private Informer<T> New<T>(InformerOptions? options = null) where T : class, IKubernetesObject, new() =>
        new(_client.Resource<T>(), _time, NullLogger.Instance, options);

    private void Run<T>(Informer<T> informer) where T : class, IKubernetesObject, new() =>
        _runs.Add(Task.Run(() => informer.RunAsync(_stop.Token), CancellationToken.None));

    private async Task StartAsync<T>(Informer<T> informer) where T : class, IKubernetesObject, new()
    {
        Run(informer);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_wait);
        Assert.True(await informer.WaitForSyncAsync(timeout.Token), "the informer did not sync");
    }

    /// <summary>Moves the fake clock a second at a time until the condition holds (backoffs wait on it); bounded.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, string what)
    {
        for (int i = 0; i < 600; i++)
        {
            if (condition())
            {
                return;
            }
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, Ct);
        }
        Assert.Fail($"never happened: {what}");
    }

    /// <summary>Waits in real time (bounded) for something the informer does without the clock.</summary>
    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < s_wait, $"never happened: {what}");
            await Task.Delay(5, Ct);
        }
    }

    /// <summary>Counts calls of one verb through a fault rule that lets every call through.</summary>
    private sealed class CallCounter : IDisposable
    {
        private readonly IDisposable _rule;
        private int _count;

        public CallCounter(InMemoryClusterClient client, InMemoryVerb verb) =>
            _rule = client.FailWhile(call =>
            {
                if (call.Verb == verb)
                {
                    Interlocked.Increment(ref _count);
                }
                return null;
            });

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _rule.Dispose();
    }

    private static ConfigMap Map(string name, string? label = null) =>
        TestObjects.ConfigMap("default", name, label is null ? null : new Dictionary<string, string> { ["v"] = label });

    private static Status Unavailable => InMemoryStatus.ServiceUnavailable();
}
