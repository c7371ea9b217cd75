using System.Net.Sockets;
using Grpc.Core;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Runner.Recording;

/// <summary>
/// What an exception from a KV call says about whether the call took effect. Failed only where the server (or the
/// socket) proves the request was not applied: an error status the server returns before proposing (a bad request,
/// a compacted revision, a failed precondition), or a connection that was refused, so the request never left this
/// process. Everything else, including "no leader" and "request timed out" (the server may have proposed before it
/// gave up), deadlines, resets and cancellations, is Unknown: the write may yet be applied.
/// </summary>
internal static class OutcomeClassifier
{
    public static OperationOutcome Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RpcException rpc => Classify(rpc),
            _ when IsConnectionRefused(exception) => OperationOutcome.Failed,
            _ => OperationOutcome.Unknown,
        };
    }

    private static OperationOutcome Classify(RpcException rpc) => rpc.StatusCode switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.NotFound or StatusCode.AlreadyExists
            or StatusCode.FailedPrecondition or StatusCode.PermissionDenied or StatusCode.Unauthenticated
            or StatusCode.Unimplemented or StatusCode.ResourceExhausted => OperationOutcome.Failed,
        StatusCode.Unavailable when IsConnectionRefused(rpc.Status.DebugException) => OperationOutcome.Failed,
        _ => OperationOutcome.Unknown,
    };

    /// <summary>True when the chain of causes holds a refused connection (nothing was sent).</summary>
    private static bool IsConnectionRefused(Exception? exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }
        return false;
    }
}
