using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;
using RaftOrchestrator.EtcdApi.V3;
using HistoryWatchEventType = RaftOrchestrator.Chaos.History.WatchEventType;

namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// One etcd watch on a key prefix, held against one member (its direct client port) for the whole run, recorded as
/// the history model expects: a Connect when a stream is open (from its start revision), its events, progress
/// notifications, a Compacted record when the server cancels the stream for compaction, an Error when the stream
/// breaks. After an error it reconnects to the same member from the last seen revision + 1 (from the compaction
/// revision after a compaction). The first stream starts at revision 1, before the KV traffic writes anything,
/// so the stream covers the whole history of its keys. One task runs the stream; <see cref="RequestProgressAsync"/>
/// may be called from another (writes to the request stream are serialized by a semaphore).
/// </summary>
internal sealed class Watcher(int id, string member, GrpcChannel channel, string prefix, HistoryRecorder recorder) : IDisposable
{
    private static readonly TimeSpan s_reconnectPause = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _write = new(1, 1);
    private IClientStreamWriter<WatchRequest>? _requests;
    private long _last;
    private long _progress;
    private long _nextStart = 1;

    public int Id => id;

    public string Member => member;

    /// <summary>The highest revision this watcher knows it has every event up to (its last event or progress).</summary>
    public long CoveredTo => Math.Max(Volatile.Read(ref _last), Volatile.Read(ref _progress));

    public int Reconnects { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeProvider time = recorder.Clock.Time;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await StreamAsync(cancellationToken);
                Record(new WatchRecord(id, member, WatchRecordKind.Error, recorder.Clock.Now(), Error: "stream ended"));
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RpcException or IOException or HttpRequestException or OperationCanceledException)
            {
                Record(new WatchRecord(id, member, WatchRecordKind.Error, recorder.Clock.Now(), Error: Describe(e)));
            }
            finally
            {
                _requests = null;
            }
            Reconnects++;
            try
            {
                await Task.Delay(s_reconnectPause, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Asks the open stream for a progress notification; false when no stream is open.</summary>
    public async Task<bool> RequestProgressAsync(CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (_requests is not { } requests) return false;
            await requests.WriteAsync(new WatchRequest { ProgressRequest = new WatchProgressRequest() }, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is RpcException or IOException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task StreamAsync(CancellationToken ct)
    {
        long start = _nextStart;
        using AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call = new Watch.WatchClient(channel).Watch(cancellationToken: ct);
        await _write.WaitAsync(ct);
        try
        {
            await call.RequestStream.WriteAsync(new WatchRequest
            {
                CreateRequest = new WatchCreateRequest
                {
                    Key = ByteString.CopyFromUtf8(prefix),
                    RangeEnd = ByteString.CopyFromUtf8(PrefixEnd(prefix)),
                    StartRevision = start,
                    ProgressNotify = true,
                },
            }, ct);
            _requests = call.RequestStream;
        }
        finally
        {
            _write.Release();
        }
        bool connected = false;
        while (await call.ResponseStream.MoveNext(ct))
        {
            WatchResponse response = call.ResponseStream.Current;
            long now = recorder.Clock.Now();
            if (!connected)
            {
                connected = true;
                Record(WatchRecord.Connect(id, member, prefix, start, now, isPrefix: true));
            }
            if (response.Canceled)
            {
                if (response.CompactRevision > 0)
                {
                    Record(WatchRecord.Compacted(id, member, response.CompactRevision, now));
                    _nextStart = Math.Max(_nextStart, response.CompactRevision);
                }
                else
                {
                    Record(new WatchRecord(id, member, WatchRecordKind.Error, now, Error: "canceled: " + response.CancelReason));
                }
                return;
            }
            if (response.Events.Count == 0)
            {
                if (!response.Created)
                {
                    Record(WatchRecord.Progress(id, member, response.Header.Revision, now));
                    Volatile.Write(ref _progress, Math.Max(_progress, response.Header.Revision));
                }
                continue;
            }
            foreach (EtcdApi.Mvcc.Event e in response.Events)
            {
                bool delete = e.Type == EtcdApi.Mvcc.Event.Types.EventType.Delete;
                Record(WatchRecord.Event(id, member, e.Kv.Key.ToStringUtf8(), e.Kv.ModRevision, delete ? null : e.Kv.Value.ToStringUtf8(), now,
                    delete ? HistoryWatchEventType.Delete : HistoryWatchEventType.Put, response.Header.Revision));
                Volatile.Write(ref _last, Math.Max(_last, e.Kv.ModRevision));
                _nextStart = Math.Max(_nextStart, e.Kv.ModRevision + 1);
            }
        }
    }

    private void Record(WatchRecord record) => recorder.Watch(record);

    private static string Describe(Exception e) => e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : $"{e.GetType().Name}: {e.Message}";

    /// <summary>The etcd range end of a prefix: the prefix with its last byte incremented.</summary>
    internal static string PrefixEnd(string prefix)
    {
        char[] chars = prefix.ToCharArray();
        chars[^1]++;
        return new string(chars);
    }

    public void Dispose() => _write.Dispose();
}
