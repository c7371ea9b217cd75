using Google.Protobuf;

namespace RaftOrchestrator.Api.Tests.Protobuf;

/// <summary>Writes protobuf messages field by field with Google.Protobuf's encoder, as gogo-protobuf lays them out.</summary>
internal sealed class ProtoBuilder
{
    private readonly List<byte> _bytes = [];

    public static byte[] Envelope(string apiVersion, string kind, byte[] raw, string contentEncoding = "") =>
        [.. "k8s\0"u8, .. new ProtoBuilder()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Bytes(2, raw)
            .String(3, contentEncoding)
            .String(4, "")
            .ToArray()];

    public ProtoBuilder String(int field, string value)
    {
        return Write(o =>
        {
            o.WriteTag(field, WireFormat.WireType.LengthDelimited);
            o.WriteString(value);
        });
    }

    public ProtoBuilder Bytes(int field, byte[] value)
    {
        return Write(o =>
        {
            o.WriteTag(field, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(value));
        });
    }

    public ProtoBuilder Varint(int field, long value)
    {
        return Write(o =>
        {
            o.WriteTag(field, WireFormat.WireType.Varint);
            o.WriteInt64(value);
        });
    }

    public ProtoBuilder Message(int field, Func<ProtoBuilder, ProtoBuilder> build) => Bytes(field, build(new ProtoBuilder()).ToArray());

    public ProtoBuilder MapEntry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public byte[] ToArray() => [.. _bytes];

    private ProtoBuilder Write(Action<CodedOutputStream> write)
    {
        var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream))
        {
            write(output);
        }
        _bytes.AddRange(stream.ToArray());
        return this;
    }
}
