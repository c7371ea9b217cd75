using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace RaftOrchestrator.Server.Kube.Watch;

/// <summary>
/// The MessagePack watch wire format (application/vnd.raftorchestrator.msgpack): each frame is a 4-byte big-endian
/// length, then a MessagePack array [type (string), resourceVersion (int), object]. The object is the stored
/// bytes themselves — a complete MessagePack object, written without re-encoding; its resourceVersion field is
/// empty, and the frame's is the one to use. Bookmarks carry nil; errors (410 Expired) a MessagePack Status, with revision 0.
/// </summary>
public static class MessagePackWatchFrames
{
    public static byte[] Frame(WatchEventKind kind, long revision, ReadOnlySpan<byte> storedObject)
    {
        var buffer = new ArrayBufferWriter<byte>(storedObject.Length + 32);
        buffer.GetSpan(4)[..4].Clear();
        buffer.Advance(4);   // the length, filled in at the end
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.WriteString(WatchLines.TypeName(kind));
        writer.Write(revision);
        if (storedObject.IsEmpty)
        {
            writer.WriteNil();
        }
        else
        {
            writer.WriteRaw(storedObject);
        }
        writer.Flush();
        byte[] frame = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        return frame;
    }
}
