using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// Free loopback ports below 32768 (Linux's ephemeral range starts there, and a listener inside it can collide with
/// client sockets: dotnext-raft.md §12). Starts from a PID-derived offset so that concurrent runs rarely probe the same ports.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 12_000;
    private const int Last = 20_999;

    private static readonly Lock s_lock = new();
    private static int s_next = First + (Environment.ProcessId % 300) * 30;

    public static int Next()
    {
        lock (s_lock)
        {
            for (int tries = 0; tries <= Last - First; tries++)
            {
                int port = s_next;
                s_next = s_next >= Last ? First : s_next + 1;
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
