using System.Collections.Concurrent;
using System.Net;
using Grpc.Net.Client;

namespace RaftOrchestrator.Server.Peer;

/// <summary>
/// One gRPC channel (HTTP/2, no TLS) per member client URL, shared by every caller: forwarding to the leader,
/// read indexes, lease renewals and proxied membership calls. Channels multiplex calls and reconnect by
/// themselves; they are disposed with the host.
/// </summary>
public sealed class PeerChannels : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    public GrpcChannel For(string url) => _channels.GetOrAdd(url, static u => GrpcChannel.ForAddress(u, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(1),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(10),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
        },
        HttpVersion = HttpVersion.Version20,
        MaxReceiveMessageSize = 16 << 20,
        MaxSendMessageSize = 16 << 20,
    }));

    public void Dispose()
    {
        foreach (GrpcChannel channel in _channels.Values)
        {
            channel.Dispose();
        }
        _channels.Clear();
    }
}
