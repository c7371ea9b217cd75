using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Events;

/// <summary>A recorder over an in-memory store on a fake clock, and helpers to wait (boundedly) for its writes.</summary>
internal sealed class EventRecorderFixture : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    public EventRecorderFixture(EventRecorderOptions? options = null, Func<InMemoryClusterClient, IClusterClient>? wrap = null)
    {
        Time = new FakeTimeProvider(TestClock.Start);
        Store = new InMemoryClusterClient(Time);
        Recorder = new EventRecorder(wrap?.Invoke(Store) ?? Store, options ?? new EventRecorderOptions { Component = "test-controller", Host = "host-1" }, Time);
    }

    public FakeTimeProvider Time { get; }

    public InMemoryClusterClient Store { get; }

    public EventRecorder Recorder { get; }

    public IReadOnlyList<Event> Events(string @namespace = "default") => Store.Objects<Event>(@namespace);

    /// <summary>Disposes the recorder, which writes everything queued, and returns the stored events.</summary>
    public async Task<IReadOnlyList<Event>> FlushAsync(string @namespace = "default")
    {
        await Recorder.DisposeAsync().AsTask().WaitAsync(WaitLimit, TestContext.Current.CancellationToken);
        return Events(@namespace);
    }

    /// <summary>Waits in real time (the writer runs on the thread pool) until the condition holds; fails after the limit.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, Action? step = null)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"{what}: not within {WaitLimit}");
            }
            step?.Invoke();
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync() => Recorder.DisposeAsync();
}
