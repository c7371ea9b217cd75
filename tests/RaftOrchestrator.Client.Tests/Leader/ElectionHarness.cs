using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>
/// Candidates sharing one in-memory store and one fake clock, each behind its own fault plan, all running on one
/// <see cref="ManualSynchronizationContext"/>: time moves only in <see cref="Advance"/>, and after each step every
/// candidate has done all it can before the clock moves again.
/// </summary>
internal sealed class ElectionHarness
{
    public const string LeaseNamespace = "kube-system";
    public const string LeaseName = "test-manager";

    public ElectionHarness(int candidates, int seed = 1)
    {
        Time = new FakeTimeProvider(TestClock.Start);
        Store = new InMemoryClusterClient(Time);
        Candidates = [.. Enumerable.Range(0, candidates).Select(i => new ElectionCandidate(this, $"candidate-{i}", seed * 31 + i))];
    }

    public FakeTimeProvider Time { get; }

    public InMemoryClusterClient Store { get; }

    public ManualSynchronizationContext Pump { get; } = new();

    public IReadOnlyList<ElectionCandidate> Candidates { get; }

    /// <summary>Every term of every candidate, in the order they began.</summary>
    public List<TermRecord> Terms { get; } = [];

    public ElectionCandidate this[int index] => Candidates[index];

    /// <summary>Moves the clock in steps (timers fire in due order), letting every candidate run after each step.</summary>
    public void Advance(TimeSpan total, TimeSpan? step = null)
    {
        TimeSpan by = step ?? TimeSpan.FromMilliseconds(100);
        for (TimeSpan moved = TimeSpan.Zero; moved < total; moved += by)
        {
            // No context while timers fire: their continuations are posted to the pump, never run inside Advance.
            SynchronizationContext? previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                Time.Advance(by < total - moved ? by : total - moved);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }
            Pump.Drain();
        }
    }

    /// <summary>Advances until <paramref name="condition"/> holds; fails after <paramref name="limit"/> of fake time.</summary>
    public TimeSpan AdvanceUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        DateTimeOffset from = Time.GetUtcNow();
        while (!condition())
        {
            if (Time.GetUtcNow() - from >= limit)
            {
                throw new Xunit.Sdk.XunitException($"{what}: not within {limit} of fake time; terms: {string.Join(", ", Terms)}");
            }
            Advance(TimeSpan.FromMilliseconds(100));
        }
        return Time.GetUtcNow() - from;
    }

    /// <summary>The Lease as stored now.</summary>
    public Lease? Lease => Store.Objects<Lease>(LeaseNamespace).SingleOrDefault(l => l.Metadata.Name == LeaseName);

    /// <summary>The candidates leading now.</summary>
    public IReadOnlyList<ElectionCandidate> Leaders => [.. Candidates.Where(c => c.Elector?.IsLeader == true)];
}
