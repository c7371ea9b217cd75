using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Testing;

/// <summary>
/// Loopback ports that are free when handed out, from [first, end) below 32768: Linux's ephemeral range starts there,
/// and a listener inside it can collide with client sockets (dotnext-raft.md §12). Each test project and harness
/// keeps a range of its own, so that projects running at once rarely probe the same ports; inside a range the start
/// depends on the process id, so that two runs of one project rarely do either. Thread-safe.
/// </summary>
public sealed class LoopbackPortRange
{
    private readonly Lock _lock = new();
    private readonly int _first;
    private readonly int _end;
    private int _next;

    public LoopbackPortRange(int first, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, 32_768);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, first);
        _first = first;
        _end = end;
        _next = first + Environment.ProcessId * 29 % (end - first);
    }

    public int Next()
    {
        lock (_lock)
        {
            for (int tries = 0; tries < _end - _first; tries++)
            {
                int port = _next;
                _next = _next + 1 >= _end ? _first : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port in {_first}-{_end - 1}.");
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
