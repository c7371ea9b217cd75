using Etcdserverpb;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// The KV clients of a closed loop: --conns channels on the --target endpoint(s); worker w uses w mod conns.
/// </summary>
internal sealed class KvClients : IDisposable
{
    private readonly ChannelSet _channels;
    private readonly KV.KVClient[] _clients;

    private KvClients(ChannelSet channels, string targetName)
    {
        _channels = channels;
        TargetName = targetName;
        _clients = new KV.KVClient[channels.Count];
        for (var i = 0; i < _clients.Length; i++)
        {
            _clients[i] = new KV.KVClient(channels[i]);
        }
    }

    /// <summary>The endpoint that was targeted, or "all".</summary>
    public string TargetName { get; }

    public int Conns => _clients.Length;

    public KV.KVClient ForWorker(int worker) => _clients[worker % _clients.Length];

    public static async Task<KvClients> ConnectAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var target = await ClusterStatus.ResolveTargetAsync(settings, cancellationToken);
        if (target < 0)
        {
            return new KvClients(ChannelSet.Spread(settings.Endpoints, settings.Conns), "all");
        }

        var endpoint = settings.Endpoints[target];
        return new KvClients(ChannelSet.Spread([endpoint], settings.Conns), endpoint);
    }

    public void Dispose() => _channels.Dispose();
}
