using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Server.Hosting;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// The replicated store as the resource API uses it: linearizable or local reads of this replica's MVCC store,
/// transactions proposed through Raft (a follower forwards them to the leader), watch streams on the local hub.
/// </summary>
public sealed class KubeStore(ReplicaSlot slot)
{
    private ReplicatedStore Replica => slot.Replica ?? throw new InvalidOperationException("The replica is not started.");

    public long CurrentRevision => Replica.Store.Kv.CurrentRevision;

    public long CompactRevision => Replica.Store.Kv.CompactRevision;

    /// <summary>Once Ok, a local read sees every write acknowledged before the call (ReadIndex).</summary>
    public Task<ReadStatus> ReadBarrierAsync(CancellationToken cancellationToken) => Replica.ReadBarrierAsync(cancellationToken);

    public RangeResult Range(in RangeRequest request) => Replica.Store.Kv.Range(request);

    public Task<ProposalOutcome> TxnAsync(TxnRequest request, CancellationToken cancellationToken) => Replica.TxnAsync(request, cancellationToken);

    /// <summary>Transactions that share one Raft entry, each with its own revision and result (see <see cref="ReplicatedStore.TxnGroupAsync"/>).</summary>
    public Task<ProposalOutcome[]> TxnGroupAsync(IReadOnlyList<TxnRequest> requests, CancellationToken cancellationToken) =>
        Replica.TxnGroupAsync(requests, cancellationToken);

    public WatchStream NewWatchStream() => Replica.Store.NewWatchStream();

    public bool IsLeader => Replica.IsLeader;
}
