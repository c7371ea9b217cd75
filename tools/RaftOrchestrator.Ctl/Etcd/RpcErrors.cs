using System.Globalization;
using System.Net.Sockets;
using Grpc.Core;

namespace RaftOrchestrator.Ctl.Etcd;

/// <summary>
/// What an operator reads for a failed call: the server's status detail as it sent it (etcd's messages, such as
/// "etcdserver: mvcc: required revision has been compacted"), or, when the call never reached a server, why.
/// </summary>
internal static class RpcErrors
{
    public static string Describe(RpcException error, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode switch
        {
            StatusCode.DeadlineExceeded => string.Create(CultureInfo.InvariantCulture,
                $"no answer within {timeout.TotalSeconds:0.###} s"),
            // Grpc.Net.Client reports a failed connection as Unavailable ("Error connecting to subchannel.")
            // with the socket error somewhere inside the debug exception: that error is the useful part.
            StatusCode.Unavailable when SocketErrorOf(error.Status.DebugException) is { } socket => socket.Message,
            _ when error.Status.Detail.Length > 0 => error.Status.Detail,
            _ => error.StatusCode.ToString(),
        };
    }

    private static SocketException? SocketErrorOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket;
            }
        }
        return null;
    }
}
