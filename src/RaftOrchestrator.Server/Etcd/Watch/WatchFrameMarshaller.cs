using System.Text;
using Grpc.Core;
using RaftOrchestrator.Storage.Watch;
using WatchRequest = RaftOrchestrator.EtcdApi.V3.WatchRequest;
using static RaftOrchestrator.Server.Etcd.Watch.ProtoWire;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// gRPC marshallers of the Watch method: requests are parsed by the generated code; responses are written
/// by hand straight into the transport's buffer as etcdserverpb.WatchResponse (header = 1, watch_id = 2,
/// created = 3, canceled = 4, compact_revision = 5, cancel_reason = 6, events = 11), so an event's bytes are
/// encoded once for all watchers and copied, never re-encoded, per watcher.
/// </summary>
internal static class WatchFrameMarshaller
{
    public static Marshaller<WatchRequest> Requests { get; } =
        Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), WatchRequest.Parser.ParseFrom);

    public static Marshaller<WatchFrame> Responses { get; } = new(Serialize, _ => throw new NotSupportedException("The server only writes watch responses."));

    private static void Serialize(WatchFrame frame, SerializationContext context)
    {
        int headerSize = VarintFieldSize(1, frame.ClusterId) + VarintFieldSize(2, frame.MemberId)
            + VarintFieldSize(3, (ulong)frame.Revision) + VarintFieldSize(4, frame.RaftTerm);
        int reasonLength = Encoding.UTF8.GetByteCount(frame.CancelReason);
        IWatchEventEncoder encoder = EtcdEventEncoder.For(frame.PrevKv);
        ReadOnlySpan<WatchEvent> events = frame.Events.Span;
        var encoded = new ReadOnlyMemory<byte>[events.Length];
        int size = MessageFieldSize(1, headerSize)
            + VarintFieldSize(2, (ulong)frame.WatchId)
            + VarintFieldSize(3, frame.Created ? 1UL : 0)
            + VarintFieldSize(4, frame.Canceled ? 1UL : 0)
            + VarintFieldSize(5, (ulong)frame.CompactRevision)
            + BytesFieldSize(6, reasonLength);
        for (int i = 0; i < events.Length; i++)
        {
            encoded[i] = events[i].GetEncoded(encoder);
            size += MessageFieldSize(11, encoded[i].Length);
        }
        context.SetPayloadLength(size);
        System.Buffers.IBufferWriter<byte> writer = context.GetBufferWriter();
        Span<byte> span = writer.GetSpan(size)[..size];
        int n = WriteLengthPrefix(span, 1, headerSize);
        n += WriteVarintField(span[n..], 1, frame.ClusterId);
        n += WriteVarintField(span[n..], 2, frame.MemberId);
        n += WriteVarintField(span[n..], 3, (ulong)frame.Revision);
        n += WriteVarintField(span[n..], 4, frame.RaftTerm);
        n += WriteVarintField(span[n..], 2, (ulong)frame.WatchId);
        n += WriteVarintField(span[n..], 3, frame.Created ? 1UL : 0);
        n += WriteVarintField(span[n..], 4, frame.Canceled ? 1UL : 0);
        n += WriteVarintField(span[n..], 5, (ulong)frame.CompactRevision);
        if (reasonLength > 0)
        {
            n += WriteLengthPrefix(span[n..], 6, reasonLength);
            n += Encoding.UTF8.GetBytes(frame.CancelReason, span[n..]);
        }
        foreach (ReadOnlyMemory<byte> e in encoded)
        {
            n += WriteLengthPrefix(span[n..], 11, e.Length);
            e.Span.CopyTo(span[n..]);
            n += e.Length;
        }
        if (n != size)
        {
            throw new InvalidOperationException($"Watch response encoding wrote {n} of {size} bytes.");
        }
        writer.Advance(size);
        context.Complete();
    }
}
