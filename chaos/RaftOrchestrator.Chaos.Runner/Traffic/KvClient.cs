using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using RaftOrchestrator.Chaos.Cluster.Cluster;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// One KV client: one operation at a time, paced to the options' rate, against one member's direct client port
/// (clients are not members: their calls do not pass through the peer proxies); after a call that did not answer
/// Ok it moves to the next member, as a client balancer would. Every operation is recorded by
/// <see cref="HistoryRecorder"/> with its outcome (<see cref="OutcomeClassifier"/>). Values are unique per client
/// ("c{client}-{n}"), so a value names the write that made it. Owned by one task: no locking inside.
/// </summary>
internal sealed class KvClient(int id, IReadOnlyList<GrpcChannel> channels, HistoryRecorder recorder, KvTrafficOptions options, Random random)
{
    private readonly Dictionary<string, (string? Value, long ModRevision)> _lastRead = new(StringComparer.Ordinal);
    private int _member = id % channels.Count;
    private long _counter;

    public int Id => id;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeProvider time = recorder.Clock.Time;
        TimeSpan interval = TimeSpan.FromSeconds(1 / options.OpsPerSecond);
        while (!cancellationToken.IsCancellationRequested)
        {
            long started = time.GetTimestamp();
            Operation done;
            try
            {
                done = await NextAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            if (done.Outcome != OperationOutcome.Ok)
            {
                _member = (_member + 1) % channels.Count;
            }
            TimeSpan left = interval - time.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(left, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private Task<Operation> NextAsync(CancellationToken ct)
    {
        bool list = random.Next(3) == 0;
        if (list)
        {
            string key = options.Lists[random.Next(options.Lists.Count)];
            return random.Next(5) < 3 ? AppendAsync(key, NextValue(), ct) : ReadListAsync(key, ct);
        }
        string register = options.Registers[random.Next(options.Registers.Count)];
        return random.Next(10) switch
        {
            < 4 => GetAsync(register, ct),
            < 7 => PutAsync(register, NextValue(), ct),
            _ => CasAsync(register, NextValue(), ct),
        };
    }

    private string NextValue() => $"c{id}-{++_counter}";

    private KV.KVClient Kv => new(channels[_member]);

    private CallOptions Call(CancellationToken ct) => new(deadline: ChaosCluster.Deadline(options.CallTimeout), cancellationToken: ct);

    internal async Task<Operation> GetAsync(string key, CancellationToken ct)
    {
        long op = recorder.Invoke(id, OperationKind.Get, key, OperationInput.None);
        try
        {
            RangeResponse r = await Kv.RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8(key) }, Call(ct));
            (string? value, long mod) = Read(r);
            _lastRead[key] = (value, mod);
            return recorder.Return(op, OperationOutcome.Ok, new OperationOutput(Value: value, ModRevision: mod));
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException or IOException)
        {
            return recorder.Return(op, OutcomeClassifier.Classify(e));
        }
    }

    internal async Task<Operation> PutAsync(string key, string value, CancellationToken ct)
    {
        long op = recorder.Invoke(id, OperationKind.Put, key, new OperationInput(Value: value));
        try
        {
            PutResponse r = await Kv.PutAsync(new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8(value) }, Call(ct));
            return recorder.Return(op, OperationOutcome.Ok, new OperationOutput(Revision: r.Header.Revision));
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException or IOException)
        {
            return recorder.Return(op, OutcomeClassifier.Classify(e));
        }
    }

    /// <summary>A compare-and-swap on the value or the mod revision this client last read of the key (alternating);
    /// never read, or read absent: on mod revision 0 (absent).</summary>
    internal async Task<Operation> CasAsync(string key, string value, CancellationToken ct)
    {
        (string? seen, long mod) = _lastRead.GetValueOrDefault(key);
        bool onValue = seen is not null && random.Next(2) == 0;
        OperationInput input = onValue ? new OperationInput(Value: value, ExpectedValue: seen) : new OperationInput(Value: value, ExpectedModRevision: mod);
        long op = recorder.Invoke(id, OperationKind.Cas, key, input);
        var compare = new Compare { Key = ByteString.CopyFromUtf8(key), Result = Compare.Types.CompareResult.Equal };
        if (onValue)
        {
            compare.Target = Compare.Types.CompareTarget.Value;
            compare.Value = ByteString.CopyFromUtf8(seen!);
        }
        else
        {
            compare.Target = Compare.Types.CompareTarget.Mod;
            compare.ModRevision = mod;
        }
        try
        {
            TxnResponse r = await Kv.TxnAsync(Swap(key, value, compare), Call(ct));
            if (!r.Succeeded)
            {
                _lastRead[key] = Read(r.Responses[0].ResponseRange);
            }
            return recorder.Return(op, OperationOutcome.Ok,
                new OperationOutput(Succeeded: r.Succeeded, Revision: r.Succeeded ? r.Header.Revision : null));
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException or IOException)
        {
            return recorder.Return(op, OutcomeClassifier.Classify(e));
        }
    }

    /// <summary>
    /// An append by read-modify-write (<see cref="OperationKind.Append"/>): get (value, mod revision), then
    /// If(mod == read) Then put(value + "," + element) Else range, retried on a failed compare with what the Else
    /// branch read. Failed if every attempt's compare failed, or if a call failed before any txn was sent (reads have
    /// no effect); a txn that did not answer makes the whole append Unknown.
    /// </summary>
    internal async Task<Operation> AppendAsync(string key, string element, CancellationToken ct)
    {
        long op = recorder.Invoke(id, OperationKind.Append, key, new OperationInput(Value: element));
        bool txnSent = false;
        try
        {
            (string? value, long mod) = Read(await Kv.RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8(key) }, Call(ct)));
            for (int attempt = 0; attempt < options.AppendAttempts; attempt++)
            {
                string next = string.IsNullOrEmpty(value) ? element : value + ListEncoding.Separator + element;
                var compare = new Compare
                {
                    Key = ByteString.CopyFromUtf8(key),
                    Result = Compare.Types.CompareResult.Equal,
                    Target = Compare.Types.CompareTarget.Mod,
                    ModRevision = mod,
                };
                txnSent = true;
                TxnResponse r = await Kv.TxnAsync(Swap(key, next, compare), Call(ct));
                if (r.Succeeded)
                {
                    return recorder.Return(op, OperationOutcome.Ok, new OperationOutput(Revision: r.Header.Revision));
                }
                (value, mod) = Read(r.Responses[0].ResponseRange);
            }
            return recorder.Return(op, OperationOutcome.Failed);
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException or IOException)
        {
            return recorder.Return(op, txnSent ? OutcomeClassifier.Classify(e) : OperationOutcome.Failed);
        }
    }

    internal async Task<Operation> ReadListAsync(string key, CancellationToken ct)
    {
        long op = recorder.Invoke(id, OperationKind.ReadList, key, OperationInput.None);
        try
        {
            (string? value, long mod) = Read(await Kv.RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8(key) }, Call(ct)));
            return recorder.Return(op, OperationOutcome.Ok, new OperationOutput(Elements: ListEncoding.Decode(value), ModRevision: mod));
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException or IOException)
        {
            return recorder.Return(op, OutcomeClassifier.Classify(e));
        }
    }

    private static TxnRequest Swap(string key, string value, Compare compare) => new()
    {
        Compare = { compare },
        Success = { new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8(value) } } },
        Failure = { new RequestOp { RequestRange = new RangeRequest { Key = ByteString.CopyFromUtf8(key) } } },
    };

    /// <summary>The one key of a range: (value, mod revision), or (null, 0) when absent.</summary>
    internal static (string? Value, long ModRevision) Read(RangeResponse range) =>
        range.Kvs.Count == 0 ? (null, 0) : (range.Kvs[0].Value.ToStringUtf8(), range.Kvs[0].ModRevision);
}
