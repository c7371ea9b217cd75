using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.BenchHarness;

/// <summary>Loopback ports below 32768 (Linux's ephemeral range starts there) that are free when handed out.</summary>
public sealed class FreePorts
{
    private const int First = 22_000;
    private const int Last = 32_000;
    private int _next;

    /// <summary>Starts at a place that depends on the process id, so that two runs rarely probe the same ports.</summary>
    public FreePorts() => _next = First + Environment.ProcessId % 300 * 30;

    public int Next()
    {
        for (int tries = 0; tries < Last - First; tries++)
        {
            int port = _next++;
            if (_next >= Last)
            {
                _next = First;
            }
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free loopback port below 32768");
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
