using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.EtcdApi.V3;
using RaftOrchestrator.Server.Hosting;
using Store = RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd's KV service. Writes go through Raft from whichever member receives them; reads are served by this
/// member, after a read barrier unless the request is serializable (etcd's default is linearizable).
/// </summary>
internal sealed class KvService(ReplicatedStore replica, EtcdHeaders headers, Failpoints failpoints) : KV.KVBase
{
    public override async Task<RangeResponse> Range(RangeRequest request, ServerCallContext context)
    {
        Store.RangeRequest range = EtcdMapping.ToStore(request);
        if (!request.Serializable)
        {
            await BarrierAsync(context.CancellationToken);
        }
        Store.RangeResult result = replica.Store.Kv.Range(range);
        return result.Status == Store.StoreStatus.Ok
            ? EtcdMapping.ToWire(result, headers.Current())
            : throw EtcdErrors.From(result.Status);
    }

    public override async Task<PutResponse> Put(PutRequest request, ServerCallContext context)
    {
        Store.TxnResult result = await WriteAsync(new Store.TxnRequest([], [EtcdMapping.ToStore(request)], []), context);
        return EtcdMapping.ToWire(result.Responses[0].Put, headers.At(result.Revision));
    }

    public override async Task<DeleteRangeResponse> DeleteRange(DeleteRangeRequest request, ServerCallContext context)
    {
        Store.TxnResult result = await WriteAsync(new Store.TxnRequest([], [EtcdMapping.ToStore(request)], []), context);
        return EtcdMapping.ToWire(result.Responses[0].DeleteRange, headers.At(result.Revision));
    }

    public override async Task<TxnResponse> Txn(TxnRequest request, ServerCallContext context)
    {
        Store.TxnRequest txn = EtcdMapping.ToStore(request);
        if (EtcdMapping.IsReadOnly(txn))
        {
            await BarrierAsync(context.CancellationToken);
            Store.TxnResult read = replica.Store.Kv.Txn(txn);
            return read.Status == Store.StoreStatus.Ok ? EtcdMapping.ToWire(read, headers) : throw EtcdErrors.From(read.Status);
        }
        return EtcdMapping.ToWire(await WriteAsync(txn, context), headers);
    }

    public override async Task<CompactionResponse> Compact(CompactionRequest request, ServerCallContext context)
    {
        ProposalOutcome outcome = await replica.CompactAsync(request.Revision, context.CancellationToken);
        if (!outcome.IsApplied)
        {
            throw EtcdErrors.From(outcome.Status);
        }
        return outcome.Result.Status == Store.StoreStatus.Ok
            ? new CompactionResponse { Header = headers.At(outcome.Result.Revision) }
            : throw EtcdErrors.From(outcome.Result.Status);
    }

    private async Task<Store.TxnResult> WriteAsync(Store.TxnRequest txn, ServerCallContext context)
    {
        ProposalOutcome outcome = await replica.TxnAsync(txn, context.CancellationToken);
        if (!outcome.IsApplied)
        {
            throw EtcdErrors.From(outcome.Status);
        }
        Store.TxnResult result = outcome.Result.Txn;
        if (result.Status != Store.StoreStatus.Ok)
        {
            throw EtcdErrors.From(result.Status);
        }
        failpoints.Acknowledged();
        return result;
    }

    private async Task BarrierAsync(CancellationToken cancellationToken)
    {
        ReadStatus status = await replica.ReadBarrierAsync(cancellationToken);
        if (status != ReadStatus.Ok)
        {
            throw EtcdErrors.From(status);
        }
    }
}
