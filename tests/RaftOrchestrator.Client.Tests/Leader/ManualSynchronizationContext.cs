using System.Collections.Concurrent;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>
/// A synchronization context whose posted work runs only when the test drains it, on the test's thread. With a
/// FakeTimeProvider and a client that completes synchronously, every continuation of the code under test passes
/// through here, so "drained" means "every component is waiting on a timer": runs are deterministic and a failing
/// schedule replays exactly.
/// </summary>
internal sealed class ManualSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("the code under test must not block on the test's context");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> with this context current (so its awaits come back here), then drains.</summary>
    public void Run(Action action)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
        Drain();
    }

    /// <summary>Runs posted work, and the work it posts, until there is none; fails loudly on a livelock.</summary>
    public void Drain()
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (int ran = 0; _work.TryDequeue(out (SendOrPostCallback Callback, object? State) item); ran++)
            {
                if (ran > 1_000_000)
                {
                    throw new InvalidOperationException("the posted work never settles");
                }
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
