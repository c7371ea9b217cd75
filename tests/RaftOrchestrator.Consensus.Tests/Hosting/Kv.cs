using System.Text;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>Short helpers for writing and reading test keys through a replica.</summary>
internal static class Kv
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    public static string S(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static TxnRequest Put(string key, string value) => new([], [new PutOp(B(key), B(value))], []);

    public static async Task<long> PutAsync(ReplicatedStore replica, string key, string value, CancellationToken ct)
    {
        ProposalOutcome outcome = await replica.TxnAsync(Put(key, value), ct);
        Assert.Equal(ProposalStatus.Applied, outcome.Status);
        Assert.Equal(StoreStatus.Ok, outcome.Result.Status);
        return outcome.Result.Revision;
    }

    /// <summary>A linearizable get on <paramref name="replica"/>; null when the key does not exist.</summary>
    public static async Task<string?> GetAsync(ReplicatedStore replica, string key, CancellationToken ct)
    {
        Assert.Equal(ReadStatus.Ok, await replica.ReadBarrierAsync(ct));
        RangeResult result = replica.Store.Kv.Range(new RangeRequest(new KeyRange(B(key), default)));
        return result.Kvs.Length == 0 ? null : S(result.Kvs[0].Value);
    }

    public static long Count(ReplicatedStore replica, string prefix) =>
        replica.Store.Kv.Range(new RangeRequest(KeyRange.Prefix(B(prefix))) { CountOnly = true }).Count;
}
