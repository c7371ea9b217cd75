using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd's gRPC errors, with its codes and exact messages (clientv3 maps the message text back to its typed
/// errors, so etcdctl and Kubernetes recognise them).
/// </summary>
internal static class EtcdErrors
{
    public static RpcException EmptyKey() => Error(StatusCode.InvalidArgument, "etcdserver: key is not provided");

    public static RpcException KeyNotFound() => Error(StatusCode.InvalidArgument, "etcdserver: key not found");

    public static RpcException ValueProvided() => Error(StatusCode.InvalidArgument, "etcdserver: value is provided");

    public static RpcException LeaseProvided() => Error(StatusCode.InvalidArgument, "etcdserver: lease is provided");

    public static RpcException TooManyOps() => Error(StatusCode.InvalidArgument, "etcdserver: too many operations in txn request");

    public static RpcException DuplicateKey() => Error(StatusCode.InvalidArgument, "etcdserver: duplicate key given in txn request");

    public static RpcException RequestTooLarge() => Error(StatusCode.InvalidArgument, "etcdserver: request is too large");

    public static RpcException Compacted() => Error(StatusCode.OutOfRange, "etcdserver: mvcc: required revision has been compacted");

    public static RpcException FutureRevision() => Error(StatusCode.OutOfRange, "etcdserver: mvcc: required revision is a future revision");

    public static RpcException LeaseNotFound() => Error(StatusCode.NotFound, "etcdserver: requested lease not found");

    public static RpcException LeaseExists() => Error(StatusCode.FailedPrecondition, "etcdserver: lease already exists");

    public static RpcException LeaseTtlTooLarge() => Error(StatusCode.OutOfRange, "etcdserver: too large lease TTL");

    public static RpcException Timeout() => Error(StatusCode.Unavailable, "etcdserver: request timed out");

    public static RpcException NoLeader() => Error(StatusCode.Unavailable, "etcdserver: no leader");

    public static RpcException Stopped() => Error(StatusCode.Unavailable, "etcdserver: server stopped");

    public static RpcException MemberNotFound() => Error(StatusCode.NotFound, "etcdserver: member not found");

    public static RpcException PeerUrlExists() => Error(StatusCode.FailedPrecondition, "etcdserver: Peer URLs already exists");

    public static RpcException InvalidArgument(string message) => Error(StatusCode.InvalidArgument, "etcdserver: " + message);

    public static RpcException Unsupported(string message) => Error(StatusCode.Unimplemented, "etcdserver: " + message);

    /// <summary>The error for a store status other than Ok.</summary>
    public static RpcException From(StoreStatus status) => status switch
    {
        StoreStatus.Compacted => Compacted(),
        StoreStatus.FutureRevision => FutureRevision(),
        StoreStatus.LeaseNotFound => LeaseNotFound(),
        StoreStatus.LeaseExists => LeaseExists(),
        StoreStatus.KeyNotFound => KeyNotFound(),
        StoreStatus.InvalidArgument => InvalidArgument("invalid request"),
        _ => Error(StatusCode.Internal, $"etcdserver: unexpected store status {status}"),
    };

    /// <summary>The error for a proposal that was not applied.</summary>
    public static RpcException From(ProposalStatus status) => status switch
    {
        ProposalStatus.TooLarge => RequestTooLarge(),
        ProposalStatus.Stopped => Stopped(),
        _ => Timeout(),
    };

    public static RpcException From(ReadStatus status) => status == ReadStatus.Stopped ? Stopped() : Timeout();

    private static RpcException Error(StatusCode code, string message) => new(new Status(code, message));
}
