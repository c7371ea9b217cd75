using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>The suite's free loopback ports: 12000-20999 (<see cref="LoopbackPortRange"/>).</summary>
public static class LoopbackPorts
{
    private static readonly LoopbackPortRange s_range = new(12_000, 21_000);

    public static int Next() => s_range.Next();
}
