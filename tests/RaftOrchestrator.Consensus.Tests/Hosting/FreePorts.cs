using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>This project's free loopback ports: 20000-31999 (<see cref="LoopbackPortRange"/>).</summary>
internal static class FreePorts
{
    private static readonly LoopbackPortRange s_range = new(20_000, 32_000);

    public static int Next() => s_range.Next();
}
