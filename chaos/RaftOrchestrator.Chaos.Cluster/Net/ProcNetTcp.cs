using System.Globalization;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// Reads Linux's socket tables (/proc/net/tcp and tcp6; an IPv4 connection from a dual-mode socket is listed in tcp6)
/// to find the inode of a socket by its ports. Lines look like
/// "  3: 0100007F:5208 0100007F:A1F3 01 00000000:00000000 00:00000000 00000000  1000  0 123456 ..." (hex ports;
/// field 9 is the inode; 0 for sockets no process holds, such as TIME_WAIT).
/// </summary>
public static class ProcNetTcp
{
    private static readonly string[] s_tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>The inode of the socket whose local port is <paramref name="localPort"/> and remote port <paramref name="remotePort"/>.</summary>
    public static long? FindInode(int localPort, int remotePort)
    {
        foreach (string table in s_tables)
        {
            string text;
            try
            {
                text = File.ReadAllText(table);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (FindInode(text, localPort, remotePort) is { } inode)
            {
                return inode;
            }
        }
        return null;
    }

    /// <summary>The same over one table's text (the parsing, testable without /proc).</summary>
    public static long? FindInode(string table, int localPort, int remotePort)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (string line in table.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || !fields[0].EndsWith(':'))
            {
                continue;   // the header, or a short line
            }
            if (Port(fields[1]) == localPort && Port(fields[2]) == remotePort
                && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out long inode) && inode != 0)
            {
                return inode;
            }
        }
        return null;
    }

    /// <summary>The inodes of every socket process <paramref name="pid"/> holds (its fds linking to "socket:[inode]"); none if it is gone.</summary>
    public static IEnumerable<long> SocketInodes(int pid)
    {
        var inodes = new List<long>();
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/fd")))
            {
                string? link;
                try
                {
                    link = new FileInfo(fd).LinkTarget;
                }
                catch (IOException)
                {
                    continue;   // the fd closed while we looked
                }
                if (link is not null && link.StartsWith("socket:[", StringComparison.Ordinal) && link.EndsWith(']')
                    && long.TryParse(link.AsSpan(8, link.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out long inode))
                {
                    inodes.Add(inode);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the process is gone (or not ours)
        }
        return inodes;
    }

    private static int Port(string hexAddress)
    {
        int colon = hexAddress.LastIndexOf(':');
        return colon >= 0 && int.TryParse(hexAddress.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int port)
            ? port
            : -1;
    }
}
