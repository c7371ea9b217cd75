using System.Diagnostics;
using Etcdserverpb;
using Grpc.Core;

namespace RaftOrchestrator.LoadGen;

/// <summary>One prefix watch stream that records the Stopwatch timestamp at which each key's event arrived.</summary>
internal sealed class WatchRecorder : IDisposable
{
    private readonly AsyncDuplexStreamingCall<WatchRequest, WatchResponse> _call;
    private readonly long[] _arrivals;
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _received;
    private int _foreign;

    private WatchRecorder(string role, string endpoint, AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call,
        int total)
    {
        Role = role;
        Endpoint = endpoint;
        _call = call;
        _arrivals = new long[total];
    }

    public string Role { get; }

    public string Endpoint { get; }

    public int Received => Volatile.Read(ref _received);

    /// <summary>Events whose key did not parse or was out of range, and repeated events.</summary>
    public int Foreign => Volatile.Read(ref _foreign);

    /// <summary>The arrival timestamp of key <paramref name="index"/>, or 0 if it has not arrived.</summary>
    public long ArrivalOf(int index) => Volatile.Read(ref _arrivals[index]);

    public static async Task<WatchRecorder> StartAsync(string role, string endpoint, Watch.WatchClient client,
        KeySpace keys, int total, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var call = client.Watch(cancellationToken: cancellationToken);
        var recorder = new WatchRecorder(role, endpoint, call, total);
        try
        {
            await recorder.CreateAsync(keys, timeout, cancellationToken);
            return recorder;
        }
        catch
        {
            recorder.Dispose();
            throw;
        }
    }

    /// <summary>Waits, at most <paramref name="timeout"/>, until every event has arrived.</summary>
    public async Task<bool> WaitAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Received < _arrivals.Length && clock.Elapsed < timeout && !_reader.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        return Received == _arrivals.Length;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _call.Dispose();
        _stop.Dispose();
    }

    private async Task CreateAsync(KeySpace keys, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var create = new WatchCreateRequest { Key = keys.PrefixBytes, RangeEnd = keys.PrefixRangeEnd };
        await _call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = create }, cancellationToken);
        using var created = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        created.CancelAfter(timeout);
        while (await _call.ResponseStream.MoveNext(created.Token))
        {
            var response = _call.ResponseStream.Current;
            if (response.Canceled)
            {
                throw new InvalidOperationException($"watch on {Endpoint} canceled: {response.CancelReason}");
            }

            Record(response);
            if (response.Created)
            {
                _reader = Task.Run(() => ReadAsync(_stop.Token), CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"watch stream on {Endpoint} ended before the watch was created");
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(cancellationToken))
            {
                Record(_call.ResponseStream.Current);
            }
        }
        catch (RpcException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the stream was cancelled on purpose.
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void Record(WatchResponse response)
    {
        if (response.Events.Count == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var change in response.Events)
        {
            var index = KeySpace.IndexOf(change.Kv.Key);
            var fresh = index >= 0 && index < _arrivals.Length
                && Interlocked.CompareExchange(ref _arrivals[index], now, 0) == 0;
            if (!fresh)
            {
                Interlocked.Increment(ref _foreign);
                continue;
            }

            Interlocked.Increment(ref _received);
        }
    }
}
