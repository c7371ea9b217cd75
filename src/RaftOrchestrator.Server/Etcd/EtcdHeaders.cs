using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>Builds the ResponseHeader every etcd response carries: cluster id, this member, a revision, the Raft term.</summary>
internal sealed class EtcdHeaders(ReplicatedStore replica)
{
    /// <summary>
    /// The cluster id. etcd derives it from the initial members; ours is constant per deployment of the API
    /// (clients only compare it between responses).
    /// </summary>
    public const ulong ClusterId = 0x726f7263685f6b76;   // "rorch_kv"

    public ResponseHeader At(long revision) => new()
    {
        ClusterId = ClusterId,
        MemberId = replica.MemberId,
        Revision = revision,
        RaftTerm = (ulong)Math.Max(0, replica.Term),
    };

    public ResponseHeader Current() => At(replica.Store.Kv.CurrentRevision);
}
