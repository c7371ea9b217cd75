using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>Loopback ports below 32768 (Linux's ephemeral range starts there) that are free right now.</summary>
internal static class FreePorts
{
    private static readonly Lock s_lock = new();
    private static int s_next = 20_000 + (Environment.ProcessId % 500) * 20;

    public static int Next()
    {
        lock (s_lock)
        {
            for (int tries = 0; tries < 2_000; tries++)
            {
                int port = s_next++;
                if (s_next >= 32_000)
                {
                    s_next = 20_000;
                }
                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    return port;
                }
                catch (SocketException)
                {
                }
            }
        }
        throw new InvalidOperationException("No free loopback port below 32768.");
    }
}
