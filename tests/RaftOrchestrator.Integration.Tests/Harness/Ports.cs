using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Loopback ports below 32768 (Linux's ephemeral range starts there) that are free when handed out.</summary>
internal static class Ports
{
    private static readonly Lock s_lock = new();
    private static int s_next = 21_000 + (Environment.ProcessId % 400) * 25;

    public static int Next()
    {
        lock (s_lock)
        {
            for (int tries = 0; tries < 4_000; tries++)
            {
                int port = s_next++;
                if (s_next >= 32_000)
                {
                    s_next = 21_000;
                }
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException("No free loopback port below 32768.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
