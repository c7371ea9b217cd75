using System.Net;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// Names the member that opened a proxied connection: the accepted socket's remote port is the dialing socket's local
/// port, its inode comes from /proc/net/tcp, and the member whose process holds that inode is the source. The member
/// PIDs come from <paramref name="members"/> at each scan (members restart with new PIDs). Anything else is
/// <see cref="Link.External"/>. Linux only.
/// </summary>
/// <remarks>
/// Scanning every member's fds takes 10–50 ms on a loaded two-core machine, and connections come in bursts: at the
/// first election among followers each of them dials every other at once, and a dozen scans side by side each block
/// a pool thread of the runner, which also drives the traffic and pumps every proxied byte, while pre-votes wait on
/// those connections with a 300 ms timeout. So one scan serves a burst: the inode → member map of the last scan is
/// kept, a miss rescans under <c>_lock</c>, and callers waiting on the lock find their inode in that fresh map (the
/// dialing socket existed before its connection was accepted, so before the scan began).
/// </remarks>
public sealed class ConnectionSources(Func<IReadOnlyDictionary<int, string>> members)
{
    private readonly Lock _lock = new();
    private Dictionary<long, string> _owners = [];
    private long _scans;

    /// <summary>How many fd scans identification has made (a scan serves every connection of a burst).</summary>
    public long Scans => Interlocked.Read(ref _scans);

    public string Identify(IPEndPoint remote, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(local);
        if (ProcNetTcp.FindInode(remote.Port, local.Port) is not { } inode)
        {
            return Link.External;
        }
        lock (_lock)
        {
            // A caller that waited here while another scanned finds its socket in that scan's map.
            if (_owners.TryGetValue(inode, out string? known))
            {
                return known;
            }
            _owners = Scan();
            Interlocked.Increment(ref _scans);
            return _owners.TryGetValue(inode, out string? name) ? name : Link.External;
        }
    }

    private Dictionary<long, string> Scan()
    {
        var owners = new Dictionary<long, string>();
        foreach ((int pid, string name) in members())
        {
            foreach (long inode in ProcNetTcp.SocketInodes(pid))
            {
                owners[inode] = name;
            }
        }
        return owners;
    }
}
