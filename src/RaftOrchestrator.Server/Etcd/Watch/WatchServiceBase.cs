using Grpc.Core;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// The hand-made binding of etcd's Watch method (what Grpc.Tools would generate, with our response
/// marshaller): Grpc.AspNetCore binds the method to an override of <see cref="Watch"/> declared here.
/// </summary>
[BindServiceMethod(typeof(WatchServiceBase), nameof(BindService))]
internal abstract class WatchServiceBase
{
    private static readonly Method<WatchRequest, WatchFrame> s_method = new(
        MethodType.DuplexStreaming, "etcdserverpb.Watch", "Watch", WatchFrameMarshaller.Requests, WatchFrameMarshaller.Responses);

    public static void BindService(ServiceBinderBase binder, WatchServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(s_method, service is null ? null : new DuplexStreamingServerMethod<WatchRequest, WatchFrame>(service.Watch));
    }

    // Grpc.AspNetCore finds the handler by the gRPC method's name, so it cannot carry the Async suffix.
#pragma warning disable VSTHRD200
    public abstract Task Watch(IAsyncStreamReader<WatchRequest> requests, IServerStreamWriter<WatchFrame> responses, ServerCallContext context);
#pragma warning restore VSTHRD200
}
