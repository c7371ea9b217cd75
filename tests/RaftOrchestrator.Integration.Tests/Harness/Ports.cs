using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>This project's free loopback ports: 21000-31999 (<see cref="LoopbackPortRange"/>).</summary>
internal static class Ports
{
    private static readonly LoopbackPortRange s_range = new(21_000, 32_000);

    public static int Next() => s_range.Next();
}
