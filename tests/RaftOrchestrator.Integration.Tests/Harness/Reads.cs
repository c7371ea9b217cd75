using System.Text;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Reads through one member with the C# client (linearizable unless asked otherwise).</summary>
internal static class Reads
{
    /// <summary>Every key under <paramref name="prefix"/> as <paramref name="member"/> holds it, after a linearizable barrier.</summary>
    public static async Task<HashSet<string>> KeysAsync(ProcessMember member, string prefix, CancellationToken ct)
    {
        byte[] start = Encoding.UTF8.GetBytes(prefix);
        byte[] end = (byte[])start.Clone();
        end[^1]++;
        RangeResponse response = await RetryAsync(() => new KV.KVClient(member.Channel).RangeAsync(
            new RangeRequest { Key = ByteString.CopyFrom(start), RangeEnd = ByteString.CopyFrom(end), KeysOnly = true },
            deadline: ProcessCluster.Deadline(TimeSpan.FromSeconds(10)), cancellationToken: ct).ResponseAsync, ct);
        return [.. response.Kvs.Select(kv => kv.Key.ToStringUtf8())];
    }

    /// <summary>Retries a call while the member is still electing or catching up (bounded: 30 s).</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }
}
