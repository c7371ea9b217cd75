using System.Net;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// Names the member that opened a proxied connection: the accepted socket's remote port is the dialing socket's local
/// port, its inode comes from /proc/net/tcp, and the member whose process holds that inode is the source. The member
/// PIDs come from <paramref name="members"/> at each lookup (members restart with new PIDs). Anything else is
/// <see cref="Link.External"/>. Linux only; one lookup reads the tables and the fds of the members, about a
/// millisecond, once per connection (Raft and gRPC connections are long-lived).
/// </summary>
public sealed class ConnectionSources(Func<IReadOnlyDictionary<int, string>> members)
{
    public string Identify(IPEndPoint remote, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(local);
        if (ProcNetTcp.FindInode(remote.Port, local.Port) is not { } inode)
        {
            return Link.External;
        }
        foreach ((int pid, string name) in members())
        {
            if (ProcNetTcp.Holds(pid, inode))
            {
                return name;
            }
        }
        return Link.External;
    }
}
