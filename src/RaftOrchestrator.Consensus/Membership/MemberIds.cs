using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Text;

namespace RaftOrchestrator.Consensus.Membership;

/// <summary>
/// Member identity: a member is its peer endpoint (what DotNext's configuration holds), and its etcd-style
/// 64-bit id is a hash of that endpoint's text, so every replica derives the same id without coordination.
/// </summary>
public static class MemberIds
{
    public static ulong Of(EndPoint peer) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(Format(peer)));

    /// <summary>"host:port" (IPv6 hosts in brackets).</summary>
    public static string Format(EndPoint peer) => peer switch
    {
        IPEndPoint ip => ip.ToString(),
        DnsEndPoint dns => string.Create(CultureInfo.InvariantCulture, $"{dns.Host}:{dns.Port}"),
        _ => throw new ArgumentException($"Unsupported endpoint {peer}.", nameof(peer)),
    };

    /// <summary>The peer URL as etcd shows it.</summary>
    public static string PeerUrl(EndPoint peer) => "http://" + Format(peer);

    /// <summary>Parses "host:port" or "http://host:port" (an IP address, or a name resolved now).</summary>
    public static IPEndPoint Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        string hostPort = text.Contains("://", StringComparison.Ordinal) ? new Uri(text).Authority : text.Trim().TrimEnd('/');
        if (IPEndPoint.TryParse(hostPort, out IPEndPoint? ip) && ip.Port != 0)
        {
            return ip;
        }
        int colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is <= 0 or > 65535)
        {
            throw new FormatException($"'{text}' is not host:port.");
        }
        IPAddress[] addresses = Dns.GetHostAddresses(hostPort[..colon]);
        IPAddress address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new FormatException($"'{hostPort[..colon]}' does not resolve.");
        return new IPEndPoint(address, port);
    }

    public static string Hex(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);
}
