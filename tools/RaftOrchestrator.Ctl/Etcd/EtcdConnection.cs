using Grpc.Core;
using Grpc.Net.Client;

namespace RaftOrchestrator.Ctl.Etcd;

/// <summary>
/// The gRPC channels of one roctl invocation (HTTP/2 without TLS for http:// endpoints), one per address and
/// created on first use. <see cref="CallAsync{T}"/> is the failover rule of every cluster-wide call: endpoints
/// are tried in the order given until one answers; an endpoint that cannot be reached or answers Unavailable
/// (no leader, request timed out) passes the call to the next, any other answer (a result or an etcd error)
/// is final. One deadline covers all the attempts, so a call never takes longer than the timeout.
/// </summary>
internal sealed class EtcdConnection(IReadOnlyList<Uri> endpoints, TimeSpan timeout, TimeProvider time) : IDisposable
{
    /// <summary>Guards <see cref="_channels"/>: status queries open the members' channels in parallel.</summary>
    private readonly Lock _lock = new();
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];

    public IReadOnlyList<Uri> Endpoints => endpoints;

    public TimeSpan Timeout => timeout;

    public TimeProvider Time => time;

    public GrpcChannel ChannelFor(Uri endpoint)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(endpoint, out GrpcChannel? channel))
            {
                channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
                _channels.Add(endpoint, channel);
            }
            return channel;
        }
    }

    /// <summary>The gRPC deadline <paramref name="after"/> from now, on this invocation's clock.</summary>
    public DateTime DeadlineAfter(TimeSpan after) => time.GetUtcNow().UtcDateTime + after;

    public async Task<T> CallAsync<T>(Func<GrpcChannel, CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var options = new CallOptions(deadline: DeadlineAfter(timeout), cancellationToken: cancellationToken);
        var failures = new List<string>();
        foreach (Uri endpoint in endpoints)
        {
            try
            {
                return await call(ChannelFor(endpoint), options);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                failures.Add($"{EndpointList.Display(endpoint)}: {RpcErrors.Describe(e, timeout)}");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
            {
                failures.Add($"{EndpointList.Display(endpoint)}: {RpcErrors.Describe(e, timeout)}");
                break;
            }
        }
        throw new NoEndpointAnsweredException(failures);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (GrpcChannel channel in _channels.Values)
            {
                channel.Dispose();
            }
            _channels.Clear();
        }
    }
}
