using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.EtcdApi.V3;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;
using StoreWatchRequest = RaftOrchestrator.Storage.Watch.WatchRequest;
using StoreWatchResponse = RaftOrchestrator.Storage.Watch.WatchResponse;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// One client watch stream: many watches over one store <see cref="WatchStream"/>. The request loop creates
/// and cancels watches; the send loop writes what the store queues. <c>_write</c> serialises writes to the
/// gRPC stream and makes "created" precede every event of its watch: the create holds it from the moment
/// the store may queue the watch's first event until the "created" response is written.
/// </summary>
internal sealed class WatchSession : IAsyncDisposable
{
    private readonly ReplicatedStore _replica;
    private readonly IServerStreamWriter<WatchFrame> _responses;
    private readonly CancellationToken _cancellation;
    private readonly WatchStream _stream;
    private readonly SemaphoreSlim _write = new(1, 1);

    public WatchSession(ReplicatedStore replica, IServerStreamWriter<WatchFrame> responses, CancellationToken cancellation)
    {
        _replica = replica;
        _responses = responses;
        _cancellation = cancellation;
        _stream = replica.Store.NewWatchStream();
    }

    /// <summary>Runs until the client goes away. A client that only closes its sending side keeps receiving (as with etcd).</summary>
    public async Task RunAsync(IAsyncStreamReader<EtcdApi.V3.WatchRequest> requests)
    {
        Task sending = SendLoopAsync();
        try
        {
            await foreach (EtcdApi.V3.WatchRequest request in requests.ReadAllAsync(_cancellation))
            {
                switch (request.RequestUnionCase)
                {
                    case EtcdApi.V3.WatchRequest.RequestUnionOneofCase.CreateRequest:
                        await CreateAsync(request.CreateRequest);
                        break;
                    case EtcdApi.V3.WatchRequest.RequestUnionOneofCase.CancelRequest:
                        _stream.Cancel(request.CancelRequest.WatchId);
                        break;
                    case EtcdApi.V3.WatchRequest.RequestUnionOneofCase.ProgressRequest:
                        _stream.RequestProgress();
                        break;
                }
            }
            await sending;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
        }
        finally
        {
            _stream.Dispose();   // ends the send loop
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task CreateAsync(WatchCreateRequest create)
    {
        byte[] key = create.Key.IsEmpty ? [0] : create.Key.ToByteArray();
        var request = new StoreWatchRequest(new KeyRange(key, create.RangeEnd.Memory))
        {
            StartRevision = Math.Max(0, create.StartRevision),
            WatchId = create.WatchId > 0 ? create.WatchId : StoreWatchRequest.AutoWatchId,
            PrevKv = create.PrevKv,
            NoPut = create.Filters.Contains(WatchCreateRequest.Types.FilterType.Noput),
            NoDelete = create.Filters.Contains(WatchCreateRequest.Types.FilterType.Nodelete),
            ProgressNotify = create.ProgressNotify,
        };
        await _write.WaitAsync(_cancellation);
        try
        {
            long revision = _replica.Store.Kv.CurrentRevision;
            WatchCreateResult result = _stream.Watch(request);
            WatchFrame frame = result.Status == StoreStatus.Ok
                ? Frame(revision, result.WatchId) with { Created = true }
                : Frame(revision, -1) with { Created = true, Canceled = true, CancelReason = "etcdserver: invalid watch request" };
            await _responses.WriteAsync(frame, _cancellation);
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (StoreWatchResponse response in _stream.ReadAllAsync(_cancellation))
        {
            WatchFrame frame = response.Kind switch
            {
                WatchResponseKind.Events => Frame(response.Revision, response.WatchId) with { Events = response.Events, PrevKv = response.PrevKv },
                WatchResponseKind.Progress => Frame(response.Revision, response.WatchId),
                _ => Frame(response.Revision, response.WatchId) with
                {
                    Canceled = true,
                    CompactRevision = response.CompactRevision,
                    CancelReason = response.CompactRevision > 0 ? "etcdserver: mvcc: required revision has been compacted" : "",
                },
            };
            await _write.WaitAsync(_cancellation);
            try
            {
                await _responses.WriteAsync(frame, _cancellation);
            }
            finally
            {
                _write.Release();
            }
        }
    }

    private WatchFrame Frame(long revision, long watchId) =>
        new(EtcdHeaders.ClusterId, _replica.MemberId, revision, (ulong)Math.Max(0, _replica.Term), watchId);

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _write.Dispose();
        return ValueTask.CompletedTask;
    }
}
