using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Server.Tests.Harness;

/// <summary>
/// Loopback ports below 32768 (Linux's ephemeral range starts there) that are free when handed out; from a range
/// of their own (12000-20999), apart from the integration tests' (21000-31999).
/// </summary>
internal static class Ports
{
    private const int First = 12_000;
    private const int End = 21_000;

    private static readonly Lock s_lock = new();
    private static int s_next = First + (Environment.ProcessId % 300) * 30;

    public static int Next()
    {
        lock (s_lock)
        {
            for (int tries = 0; tries < End - First; tries++)
            {
                int port = s_next++;
                if (s_next >= End)
                {
                    s_next = First;
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
