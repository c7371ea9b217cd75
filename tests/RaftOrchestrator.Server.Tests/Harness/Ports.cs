using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Server.Tests.Harness;

/// <summary>This project's free loopback ports: 12000-20999, apart from the integration tests' 21000-31999.</summary>
internal static class Ports
{
    private static readonly LoopbackPortRange s_range = new(12_000, 21_000);

    public static int Next() => s_range.Next();
}
