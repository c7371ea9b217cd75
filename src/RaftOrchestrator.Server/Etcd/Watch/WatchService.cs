using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// etcd's Watch service, bound by hand (<see cref="WatchServiceBase"/>) so responses use
/// <see cref="WatchFrameMarshaller"/>'s encode-once framing. The gRPC method path is the same,
/// /etcdserverpb.Watch/Watch, so every etcd client sees no difference.
/// </summary>
internal sealed class WatchService(ReplicatedStore replica) : WatchServiceBase
{
#pragma warning disable VSTHRD200 // named after the gRPC method (see the base)
    public override async Task Watch(IAsyncStreamReader<WatchRequest> requests, IServerStreamWriter<WatchFrame> responses, ServerCallContext context)
#pragma warning restore VSTHRD200
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var session = new WatchSession(replica, responses, context.CancellationToken);
        await session.RunAsync(requests);
    }
}
