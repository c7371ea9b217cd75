using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Watching;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

/// <summary>The in-memory client against the server's semantics. Partial files group the verbs.</summary>
public sealed partial class InMemoryClusterClientTests : IAsyncDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly InMemoryClusterClient _client;

    public InMemoryClusterClientTests() => _client = new InMemoryClusterClient(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IResourceClient<Pod> Pods => _client.Resource<Pod>();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>The next event, failing the test after a bounded wait; null when the stream ended.</summary>
    private static async Task<WatchEvent<T>?> NextAsync<T>(IWatchStream<T> stream) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_wait);
        return await stream.ReadAsync(timeout.Token);
    }

    private static Dictionary<string, string> Labels(string key, string value) => new() { [key] = value };
}
