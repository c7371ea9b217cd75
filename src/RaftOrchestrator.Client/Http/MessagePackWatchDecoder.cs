using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// Cuts MessagePack watch frames (the server's MessagePackWatchFrames): a 4-byte big-endian length, then an array
/// [type, revision, object]. The object is the stored encoding with an empty resourceVersion: the frame's revision
/// is set on it (for DELETED, the revision of the delete). BOOKMARK carries nil, ERROR a Status.
/// </summary>
internal static class MessagePackWatchDecoder<T> where T : class, IKubernetesObject, new()
{
    /// <summary>Larger than any object the server stores (its request limit is 3 MiB): a bigger length is a broken stream.</summary>
    private const int MaxFrameBytes = 64 << 20;

    private const int MaxTypeNameBytes = 16;

    /// <summary>On <see cref="WatchFrame.Event"/>, <paramref name="buffer"/> is what follows the frame.</summary>
    public static WatchFrame TryDecode(ref ReadOnlySequence<byte> buffer, out WatchEvent<T> decoded)
    {
        decoded = default;
        if (buffer.Length < 4)
        {
            return WatchFrame.Incomplete;
        }
        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        int length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length is <= 0 or > MaxFrameBytes)
        {
            decoded = WatchEventNames.Malformed<T>($"a frame length of {length}");
            return WatchFrame.Malformed;
        }
        if (buffer.Length - 4 < length)
        {
            return WatchFrame.Incomplete;
        }
        ReadOnlySequence<byte> frame = buffer.Slice(4, length);
        try
        {
            decoded = Decode(frame);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException)
        {
            decoded = WatchEventNames.Malformed<T>(e.InnerException?.Message ?? e.Message);
            return WatchFrame.Malformed;
        }
        buffer = buffer.Slice(frame.End);
        return WatchFrame.Event;
    }

    private static WatchEvent<T> Decode(ReadOnlySequence<byte> frame)
    {
        var reader = new MessagePackReader(frame);
        if (reader.ReadArrayHeader() != 3)
        {
            throw new MessagePackSerializationException("a watch frame is an array of three");
        }
        WatchEventType type = ReadType(ref reader);
        long revision = reader.ReadInt64();
        switch (type)
        {
            case WatchEventType.Error:
                Status status = reader.TryReadNil()
                    ? new Status { Outcome = "Failure", Code = 500, Reason = "InternalError", Message = "the watch failed" }
                    : MessagePackSerializer.Deserialize<Status>(ref reader, ApiMessagePack.Options);
                return new WatchEvent<T>(WatchEventType.Error, null, "", status);
            case WatchEventType.Bookmark:
                reader.Skip();
                return new WatchEvent<T>(WatchEventType.Bookmark, null, revision.ToString(CultureInfo.InvariantCulture));
        }
        if (reader.TryReadNil())
        {
            throw new MessagePackSerializationException("an event without an object");
        }
        T value = MessagePackSerializer.Deserialize<T>(ref reader, ApiMessagePack.Options);
        string resourceVersion = revision.ToString(CultureInfo.InvariantCulture);
        (value.Metadata ??= new ObjectMeta()).ResourceVersion = resourceVersion;
        return new WatchEvent<T>(type, value, resourceVersion);
    }

    private static WatchEventType ReadType(ref MessagePackReader reader)
    {
        ReadOnlySequence<byte> raw = reader.ReadStringSequence() ?? throw new MessagePackSerializationException("a watch frame's type is nil");
        if (raw.Length > MaxTypeNameBytes)
        {
            throw new MessagePackSerializationException("unknown watch event type");
        }
        Span<byte> name = stackalloc byte[MaxTypeNameBytes];
        raw.CopyTo(name);
        return WatchEventNames.Parse(name[..(int)raw.Length]) ?? throw new MessagePackSerializationException("unknown watch event type");
    }
}
