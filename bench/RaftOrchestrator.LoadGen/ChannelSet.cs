using Grpc.Net.Client;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// gRPC channels over h2c, one HTTP/2 connection each. The set owns its channels and disposes them.
/// </summary>
internal sealed class ChannelSet : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly List<string> _endpoints = [];

    public int Count => _channels.Count;

    public GrpcChannel this[int index] => _channels[index];

    public string EndpointOf(int index) => _endpoints[index];

    public GrpcChannel Add(string endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            var channel = GrpcChannel.ForAddress(new Uri($"http://{endpoint}"), new GrpcChannelOptions
            {
                HttpHandler = handler,
                DisposeHttpClient = true,
                MaxReceiveMessageSize = 64 * 1024 * 1024,
            });
            _channels.Add(channel);
            _endpoints.Add(endpoint);
            return channel;
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Channels for <paramref name="conns"/> connections, spread round-robin over <paramref name="endpoints"/>.
    /// </summary>
    public static ChannelSet Spread(IReadOnlyList<string> endpoints, int conns)
    {
        var set = new ChannelSet();
        try
        {
            for (var i = 0; i < conns; i++)
            {
                set.Add(endpoints[i % endpoints.Count]);
            }

            return set;
        }
        catch
        {
            set.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _channels.Clear();
        _endpoints.Clear();
    }
}
