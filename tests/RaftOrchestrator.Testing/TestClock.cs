namespace RaftOrchestrator.Testing;

/// <summary>A fixed starting instant for tests that use a fake TimeProvider.</summary>
public static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
