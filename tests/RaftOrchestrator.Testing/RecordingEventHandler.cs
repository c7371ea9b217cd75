using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Testing;

/// <summary>
/// An informer handler that records every call, in order, for tests to wait on and assert. An optional hook runs
/// inside each call (to make a handler slow or throwing). Thread-safe: <see cref="_gate"/> guards the record.
/// </summary>
public sealed class RecordingEventHandler<T>(Action<RecordedChange<T>>? onEvent = null) : IResourceEventHandler<T> where T : class, IKubernetesObject
{
    private readonly object _gate = new();
    private readonly List<RecordedChange<T>> _events = [];

    public IReadOnlyList<RecordedChange<T>> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Summaries => [.. Events.Select(e => e.Summary)];

    public void OnAdd(T value) => Record(new RecordedChange<T>("add", null, value));

    public void OnUpdate(T previous, T current) => Record(new RecordedChange<T>("update", previous, current));

    public void OnDelete(T value) => Record(new RecordedChange<T>("delete", null, value));

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>, default 10 s) until the record satisfies the condition; throws with the record if not.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<RecordedChange<T>>, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(10);
        long start = TimeProvider.System.GetTimestamp();
        while (!condition(Events))
        {
            if (TimeProvider.System.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"the handler's record never satisfied the condition in {limit}: [{string.Join(", ", Summaries)}]");
            }
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> calls were recorded.</summary>
    public Task WaitForCountAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(events => events.Count >= count, timeout, cancellationToken);

    private void Record(RecordedChange<T> recorded)
    {
        onEvent?.Invoke(recorded);
        lock (_gate)
        {
            _events.Add(recorded);
        }
    }
}
